package io.github.atlascredentials.spec.drift;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares each of our Atlas operations (paths under {@link #ATLAS_PREFIX}) with the official operation
 * of the same method and path: operationId, path, parameters, request body, responses (statuses, media
 * types and versions, schemas). Official operations we do not have are not differences: our spec covers
 * a chosen subset.
 */
final class OperationDrift {

    static final String ATLAS_PREFIX = "/api/atlas/v2";
    private static final Pattern VERSIONED =
            Pattern.compile("^application/vnd\\.atlas\\.(\\d{4}-\\d{2}-\\d{2})\\+json$");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}]*}");

    private final ParsedSpec official;
    private final ParsedSpec ours;

    OperationDrift(ParsedSpec official, ParsedSpec ours) {
        this.official = official;
        this.ours = ours;
    }

    /** Our operations in the order of our spec, each with its differences. */
    Map<String, List<Difference>> compareAll() {
        Map<String, List<Difference>> result = new LinkedHashMap<>();
        if (ours.model().getPaths() == null) {
            return result;
        }
        ours.model().getPaths().forEach((path, item) -> {
            if (path.equals(ATLAS_PREFIX) || path.startsWith(ATLAS_PREFIX + "/")) {
                item.readOperationsMap().forEach((method, operation) -> {
                    String label =
                            operation.getOperationId() != null ? operation.getOperationId() : method + " " + path;
                    result.put(label, compare(label, path, item, method, operation));
                });
            }
        });
        return result;
    }

    private List<Difference> compare(
            String label, String path, PathItem ourItem, PathItem.HttpMethod method, Operation ourOperation) {
        Findings findings = new Findings(label);
        String place = Pointer.operation(path, method.name().toLowerCase(Locale.ROOT));
        Optional<Map.Entry<String, PathItem>> match = officialPath(path, method);
        if (match.isEmpty()) {
            findings.add("operation", null, method + " " + path, new Place(place, Place.NOT_IN_OFFICIAL));
            return findings.differences();
        }
        String officialPath = match.get().getKey();
        PathItem officialItem = match.get().getValue();
        Operation officialOperation = officialItem.readOperationsMap().get(method);
        String officialPlace = Pointer.operation(officialPath, method.name().toLowerCase(Locale.ROOT));
        if (!officialPath.equals(path)) {
            findings.add("path", officialPath, path, new Place(place, "path"));
        }
        if (!Objects.equals(officialOperation.getOperationId(), ourOperation.getOperationId())) {
            findings.add(
                    "operationId",
                    officialOperation.getOperationId(),
                    ourOperation.getOperationId(),
                    new Place(place, "operationId"));
        }
        SchemaDrift schemas = new SchemaDrift(official, ours, findings);
        compareParameters(
                parameters(official, officialPath, officialItem, officialOperation, officialPlace),
                parameters(ours, path, ourItem, ourOperation, place),
                place,
                findings,
                schemas);
        compareRequestBody(
                officialOperation.getRequestBody(),
                officialPlace + "/requestBody",
                ourOperation.getRequestBody(),
                place,
                findings,
                schemas);
        compareResponses(officialOperation, officialPlace, ourOperation, place, findings, schemas);
        return findings.differences();
    }

    /** The official path item of the same path, else of the same path with other template variable names. */
    private Optional<Map.Entry<String, PathItem>> officialPath(String path, PathItem.HttpMethod method) {
        if (official.model().getPaths() == null) {
            return Optional.empty();
        }
        String shape = TEMPLATE_VARIABLE.matcher(path).replaceAll("{}");
        return official.model().getPaths().entrySet().stream()
                .filter(e -> e.getValue().readOperationsMap().containsKey(method))
                .filter(e -> e.getKey().equals(path)
                        || TEMPLATE_VARIABLE
                                .matcher(e.getKey())
                                .replaceAll("{}")
                                .equals(shape))
                .min((a, b) ->
                        Boolean.compare(!a.getKey().equals(path), !b.getKey().equals(path)));
    }

    /** The operation's parameters with the path item's, by {@code in:name}; the operation's win. */
    private static Map<String, Located<Parameter>> parameters(
            ParsedSpec spec, String path, PathItem item, Operation operation, String operationPointer) {
        Map<String, Located<Parameter>> result = new TreeMap<>();
        addParameters(spec, item.getParameters(), Pointer.child(Pointer.ROOT, "paths", path, "parameters"), result);
        addParameters(spec, operation.getParameters(), Pointer.child(operationPointer, "parameters"), result);
        return result;
    }

    private static void addParameters(
            ParsedSpec spec, List<Parameter> parameters, String pointer, Map<String, Located<Parameter>> into) {
        if (parameters != null) {
            for (int i = 0; i < parameters.size(); i++) {
                Located<Parameter> parameter =
                        spec.parameter(parameters.get(i), Pointer.child(pointer, String.valueOf(i)));
                into.put(parameter.value().getIn() + ":" + parameter.value().getName(), parameter);
            }
        }
    }

    private static void compareParameters(
            Map<String, Located<Parameter>> theirs,
            Map<String, Located<Parameter>> mine,
            String place,
            Findings findings,
            SchemaDrift schemas) {
        for (String key : union(theirs.keySet(), mine.keySet())) {
            Located<Parameter> officialParameter = theirs.get(key);
            Located<Parameter> ourParameter = mine.get(key);
            String item = "parameter " + key;
            if (ourParameter == null) {
                findings.add(item, Findings.DECLARED, null, new Place(place, item));
            } else if (officialParameter == null) {
                findings.add(
                        item,
                        null,
                        Findings.DECLARED,
                        new Place(ourParameter.pointer(), Place.NOT_IN_OFFICIAL),
                        new Place(place, item));
            } else {
                boolean officialRequired =
                        Boolean.TRUE.equals(officialParameter.value().getRequired());
                boolean ourRequired = Boolean.TRUE.equals(ourParameter.value().getRequired());
                if (officialRequired != ourRequired) {
                    findings.add(
                            item + " required",
                            officialRequired,
                            ourRequired,
                            new Place(ourParameter.pointer(), "required"));
                }
                if (officialParameter.value().getSchema() != null
                        || ourParameter.value().getSchema() != null) {
                    if (officialParameter.value().getSchema() == null
                            || ourParameter.value().getSchema() == null) {
                        findings.add(
                                item + " schema",
                                officialParameter.value().getSchema() == null ? null : Findings.DECLARED,
                                ourParameter.value().getSchema() == null ? null : Findings.DECLARED,
                                new Place(ourParameter.pointer(), "schema"));
                    } else {
                        schemas.compare(
                                officialParameter.value().getSchema(),
                                officialParameter.pointer() + "/schema",
                                ourParameter.value().getSchema(),
                                ourParameter.pointer() + "/schema",
                                item + " schema");
                    }
                }
            }
        }
    }

    private void compareRequestBody(
            RequestBody officialBody,
            String officialPointer,
            RequestBody ourBody,
            String place,
            Findings findings,
            SchemaDrift schemas) {
        if (officialBody == null && ourBody == null) {
            return;
        }
        String ourPointer = place + "/requestBody";
        if (officialBody == null || ourBody == null) {
            List<Place> places = new ArrayList<>();
            if (ourBody != null) {
                places.add(new Place(ours.requestBody(ourBody, ourPointer).pointer(), Place.NOT_IN_OFFICIAL));
            }
            places.add(new Place(place, "requestBody"));
            findings.add(
                    "requestBody",
                    officialBody == null ? null : Findings.DECLARED,
                    ourBody == null ? null : Findings.DECLARED,
                    places.toArray(Place[]::new));
            return;
        }
        Located<RequestBody> theirs = official.requestBody(officialBody, officialPointer);
        Located<RequestBody> mine = ours.requestBody(ourBody, ourPointer);
        boolean officialRequired = Boolean.TRUE.equals(theirs.value().getRequired());
        boolean ourRequired = Boolean.TRUE.equals(mine.value().getRequired());
        if (officialRequired != ourRequired) {
            findings.add("requestBody required", officialRequired, ourRequired, new Place(mine.pointer(), "required"));
        }
        compareContent(
                theirs.value().getContent(),
                theirs.pointer(),
                mine.value().getContent(),
                mine.pointer(),
                "requestBody",
                findings,
                schemas);
    }

    private void compareResponses(
            Operation officialOperation,
            String officialPlace,
            Operation ourOperation,
            String place,
            Findings findings,
            SchemaDrift schemas) {
        Map<String, ApiResponse> theirs =
                officialOperation.getResponses() == null ? Map.of() : officialOperation.getResponses();
        Map<String, ApiResponse> mine = ourOperation.getResponses() == null ? Map.of() : ourOperation.getResponses();
        for (String status : union(theirs.keySet(), mine.keySet())) {
            String item = "response " + status;
            if (!mine.containsKey(status)) {
                findings.add(item, Findings.DECLARED, null, new Place(place, item));
                continue;
            }
            Located<ApiResponse> ourResponse =
                    ours.response(mine.get(status), Pointer.child(place, "responses", status));
            if (!theirs.containsKey(status)) {
                findings.add(
                        item,
                        null,
                        Findings.DECLARED,
                        new Place(ourResponse.pointer(), Place.NOT_IN_OFFICIAL),
                        new Place(place, item));
                continue;
            }
            Located<ApiResponse> officialResponse =
                    official.response(theirs.get(status), Pointer.child(officialPlace, "responses", status));
            compareContent(
                    officialResponse.value().getContent(),
                    officialResponse.pointer(),
                    ourResponse.value().getContent(),
                    ourResponse.pointer(),
                    item,
                    findings,
                    schemas);
        }
    }

    /**
     * Media types, versions and schemas. Versioned Atlas media types are compared by their dates
     * ({@code <item> version}); other media types by name ({@code <item> content[application/json]}).
     */
    private static void compareContent(
            Content officialContent,
            String officialPointer,
            Content ourContent,
            String ourPointer,
            String item,
            Findings findings,
            SchemaDrift schemas) {
        Map<String, MediaType> theirs = officialContent == null ? Map.of() : officialContent;
        Map<String, MediaType> mine = ourContent == null ? Map.of() : ourContent;
        TreeSet<String> officialVersions = versions(theirs.keySet());
        TreeSet<String> ourVersions = versions(mine.keySet());
        if (!officialVersions.equals(ourVersions)) {
            findings.add(
                    item + " version",
                    officialVersions.isEmpty() ? null : officialVersions,
                    ourVersions.isEmpty() ? null : ourVersions,
                    new Place(ourPointer, "version"));
        }
        for (String mediaType : union(theirs.keySet(), mine.keySet())) {
            if (VERSIONED.matcher(mediaType).matches()) {
                continue;
            }
            String key = "content[" + mediaType + "]";
            if (!mine.containsKey(mediaType)) {
                findings.add(item + " " + key, Findings.DECLARED, null, new Place(ourPointer, key));
            } else if (!theirs.containsKey(mediaType)) {
                findings.add(
                        item + " " + key,
                        null,
                        Findings.DECLARED,
                        new Place(Pointer.child(ourPointer, "content", mediaType), Place.NOT_IN_OFFICIAL),
                        new Place(ourPointer, key));
            }
        }
        List<String[]> pairs = new ArrayList<>();
        theirs.keySet().stream().filter(mine::containsKey).forEach(type -> pairs.add(new String[] {type, type}));
        if (!officialVersions.isEmpty()
                && !ourVersions.isEmpty()
                && officialVersions.stream().noneMatch(ourVersions::contains)) {
            // No version in common: the newest of each still shows how the body changed.
            pairs.add(new String[] {versioned(officialVersions.last()), versioned(ourVersions.last())});
        }
        for (String[] pair : pairs) {
            MediaType officialType = theirs.get(pair[0]);
            MediaType ourType = mine.get(pair[1]);
            String ourTypePointer = Pointer.child(ourPointer, "content", pair[1]);
            boolean officialSchema = officialType != null && officialType.getSchema() != null;
            boolean ourSchema = ourType != null && ourType.getSchema() != null;
            if (officialSchema && ourSchema) {
                schemas.compare(
                        officialType.getSchema(),
                        Pointer.child(officialPointer, "content", pair[0], "schema"),
                        ourType.getSchema(),
                        Pointer.child(ourTypePointer, "schema"),
                        item + " schema");
            } else if (officialSchema != ourSchema) {
                findings.add(
                        item + " schema",
                        officialSchema ? Findings.DECLARED : null,
                        ourSchema ? Findings.DECLARED : null,
                        new Place(ourTypePointer, "schema"));
            }
        }
    }

    private static TreeSet<String> versions(Iterable<String> mediaTypes) {
        TreeSet<String> dates = new TreeSet<>();
        for (String mediaType : mediaTypes) {
            Matcher matcher = VERSIONED.matcher(mediaType);
            if (matcher.matches()) {
                dates.add(matcher.group(1));
            }
        }
        return dates;
    }

    private static String versioned(String date) {
        return "application/vnd.atlas." + date + "+json";
    }

    private static TreeSet<String> union(Collection<String> first, Collection<String> second) {
        TreeSet<String> all = new TreeSet<>(first);
        all.addAll(second);
        return all;
    }
}
