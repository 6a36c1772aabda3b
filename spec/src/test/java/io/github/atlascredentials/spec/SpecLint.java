package io.github.atlascredentials.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.spec.SpecDocument.Operation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's lint rules for the spec. Each rule returns one readable line per violation, so a
 * test can assert an empty list on the real spec and a non-empty one on a spoiled copy.
 */
final class SpecLint {

    /** Operations with this tag speak OAuth 2.0, whose errors are not {@code ApiError}s. */
    static final String OAUTH_TAG = "OAuth";

    static final List<String> REQUIRED_ERROR_STATUSES = List.of("400", "401", "403", "404", "429", "500");
    static final List<String> SECRET_PROPERTIES = List.of("secret", "privateKey", "access_token");
    static final String API_ERROR_REF = "#/components/schemas/ApiError";
    static final String ATLAS_PATH_PREFIX = "/api/atlas/v2/";

    private static final Pattern PATH_TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final List<String> COMPONENT_SECTIONS = List.of(
            "schemas",
            "parameters",
            "responses",
            "examples",
            "headers",
            "requestBodies",
            "securitySchemes",
            "links",
            "callbacks");

    private SpecLint() {}

    /** Every operation has a unique operationId, a summary and exactly one tag declared in {@code tags}. */
    static List<String> operationMetadata(SpecDocument spec) {
        Set<String> declaredTags = new HashSet<>();
        spec.root()
                .path("tags")
                .forEach(tag -> declaredTags.add(tag.path("name").asText()));
        Set<String> operationIds = new HashSet<>();
        List<String> violations = new ArrayList<>();
        for (Operation operation : spec.operations()) {
            String operationId = operation.node().path("operationId").asText("");
            if (operationId.isBlank()) {
                violations.add(operation.label() + " has no operationId");
            } else if (!operationIds.add(operationId)) {
                violations.add(operation.label() + " repeats operationId " + operationId);
            }
            if (operation.node().path("summary").asText("").isBlank()) {
                violations.add(operation.label() + " has no summary");
            }
            List<String> tags = operation.tags();
            if (tags.size() != 1) {
                violations.add(operation.label() + " has " + tags.size() + " tags " + tags + ", expected exactly one");
            }
            tags.stream()
                    .filter(tag -> !declaredTags.contains(tag))
                    .forEach(tag -> violations.add(operation.label() + " uses tag '" + tag
                            + "', which is not declared in the top-level tags"));
        }
        return violations;
    }

    /** Every operation outside OAuth documents 400, 401, 403, 404, 429 and 500. */
    static List<String> errorStatusCoverage(SpecDocument spec) {
        List<String> violations = new ArrayList<>();
        for (Operation operation : nonOAuthOperations(spec)) {
            Set<String> documented = new HashSet<>();
            operation.node().path("responses").fieldNames().forEachRemaining(documented::add);
            REQUIRED_ERROR_STATUSES.stream()
                    .filter(status -> !documented.contains(status))
                    .forEach(status -> violations.add(operation.label() + " does not document status " + status));
        }
        return violations;
    }

    /** Path parameters are declared once each, in the order they appear in the URL. */
    static List<String> pathParameterOrder(SpecDocument spec) {
        List<String> violations = new ArrayList<>();
        for (Operation operation : spec.operations()) {
            List<String> inUrl = new ArrayList<>();
            Matcher matcher = PATH_TEMPLATE.matcher(operation.path());
            while (matcher.find()) {
                inUrl.add(matcher.group(1));
            }
            List<String> declared = operation.parameters(spec).stream()
                    .filter(parameter -> "path".equals(parameter.path("in").asText()))
                    .map(parameter -> parameter.path("name").asText())
                    .toList();
            if (!declared.equals(inUrl)) {
                violations.add(operation.label() + " declares path parameters " + declared + " but the URL has " + inUrl
                        + " in this order");
            }
        }
        return violations;
    }

    /**
     * Every component is used: reachable by {@code $ref} from the paths (transitively, through
     * other components), or, for a security scheme, named in a security requirement.
     */
    static List<String> unusedComponents(SpecDocument spec) {
        Set<String> used = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        spec.root().fields().forEachRemaining(field -> {
            if (!field.getKey().equals("components")) {
                collectRefs(field.getValue(), toVisit);
            }
        });
        collectSecuritySchemeNames(spec.root().path("security"), toVisit);
        spec.operations()
                .forEach(
                        operation -> collectSecuritySchemeNames(operation.node().path("security"), toVisit));
        List<String> violations = new ArrayList<>();
        while (!toVisit.isEmpty()) {
            String component = componentOf(toVisit.pop());
            if (component == null) {
                continue;
            }
            if (used.add(component)) {
                try {
                    collectRefs(spec.at(component), toVisit);
                } catch (IllegalArgumentException dangling) {
                    violations.add(dangling.getMessage());
                }
            }
        }
        for (String section : COMPONENT_SECTIONS) {
            new TreeSet<>(iterableToList(spec.components(section).fieldNames())).forEach(name -> {
                String component = "#/components/" + section + "/" + escape(name);
                if (!used.contains(component)) {
                    violations.add(component + " is never used");
                }
            });
        }
        return violations;
    }

    /** Every 4xx/5xx answer of a non-OAuth operation is {@code application/json} only, with schema ApiError. */
    static List<String> errorResponseBodies(SpecDocument spec) {
        List<String> violations = new ArrayList<>();
        for (Operation operation : nonOAuthOperations(spec)) {
            for (Map.Entry<String, JsonNode> response :
                    operation.responses(spec).entrySet()) {
                String status = response.getKey();
                if (!(status.startsWith("4") || status.startsWith("5") || status.equals("default"))) {
                    continue;
                }
                String where = operation.label() + " response " + status;
                JsonNode content = response.getValue().path("content");
                List<String> mediaTypes = iterableToList(content.fieldNames());
                if (!mediaTypes.equals(List.of("application/json"))) {
                    violations.add(where + " has media types " + mediaTypes + ", expected only application/json");
                }
                JsonNode schema = content.path("application/json").path("schema");
                if (!API_ERROR_REF.equals(SpecDocument.refOf(schema))) {
                    violations.add(where + " has schema " + schema + ", expected $ref " + API_ERROR_REF);
                }
            }
        }
        return violations;
    }

    /** Atlas (v2) success bodies and request bodies offer the versioned media type of {@code info.version}. */
    /**
     * Every Atlas request body and success body offers each of the operation's own versions (an operation may
     * have other dates than its neighbours, e.g. the API keys' 2023-01-01), and every Atlas operation has one.
     */
    static List<String> atlasVersionedMediaType(SpecDocument spec) {
        List<String> violations = new ArrayList<>();
        for (Operation operation : spec.operations()) {
            if (!operation.path().startsWith(ATLAS_PATH_PREFIX)) {
                continue;
            }
            JsonNode requestBody = operation.node().get("requestBody");
            java.util.TreeSet<String> versions = new java.util.TreeSet<>();
            if (requestBody != null) {
                spec.resolve(requestBody).path("content").fieldNames().forEachRemaining(t -> addVersioned(t, versions));
            }
            operation.responses(spec).forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.path("content").fieldNames().forEachRemaining(t -> addVersioned(t, versions));
                }
            });
            if (versions.isEmpty()) {
                violations.add(operation.label() + " offers no versioned media type application/vnd.atlas.<date>+json");
                continue;
            }
            for (String versioned : versions) {
                if (requestBody != null
                        && !spec.resolve(requestBody).path("content").has(versioned)) {
                    violations.add(operation.label() + " request body does not offer " + versioned);
                }
                operation.responses(spec).forEach((status, response) -> {
                    if (status.startsWith("2")
                            && response.has("content")
                            && !response.path("content").has(versioned)) {
                        violations.add(operation.label() + " response " + status + " does not offer " + versioned
                                + " (has "
                                + iterableToList(response.path("content").fieldNames()) + ")");
                    }
                });
            }
        }
        return violations;
    }

    private static void addVersioned(String mediaType, java.util.Set<String> versions) {
        if (mediaType.startsWith("application/vnd.atlas.") && mediaType.endsWith("+json")) {
            versions.add(mediaType);
        }
    }

    static String atlasMediaType(SpecDocument spec) {
        return "application/vnd.atlas."
                + spec.root().path("info").path("version").asText() + "+json";
    }

    /** Properties named secret, privateKey or access_token, wherever declared, are readOnly with format password. */
    static List<String> secretProperties(SpecDocument spec, Set<String> seen) {
        List<String> violations = new ArrayList<>();
        visitPropertyMaps(
                spec.root(),
                "#",
                (pointer, properties) -> SECRET_PROPERTIES.forEach(name -> {
                    JsonNode property = properties.get(name);
                    if (property == null) {
                        return;
                    }
                    seen.add(name);
                    JsonNode resolved = spec.resolve(property);
                    if (!resolved.path("readOnly").asBoolean(false)) {
                        violations.add(pointer + "/" + name + " is not readOnly");
                    }
                    if (!"password".equals(resolved.path("format").asText())) {
                        violations.add(pointer + "/" + name + " does not have format: password");
                    }
                }));
        return violations;
    }

    /** Every 429 answer declares a required {@code Retry-After} header. */
    static List<String> retryAfterOn429(SpecDocument spec) {
        List<String> violations = new ArrayList<>();
        for (Operation operation : spec.operations()) {
            JsonNode response = operation.responses(spec).get("429");
            if (response == null) {
                continue;
            }
            JsonNode header = response.path("headers").get("Retry-After");
            if (header == null) {
                violations.add(operation.label() + " response 429 does not declare Retry-After");
            } else if (!spec.resolve(header).path("required").asBoolean(false)) {
                violations.add(operation.label() + " response 429 declares Retry-After as optional");
            }
        }
        return violations;
    }

    private static List<Operation> nonOAuthOperations(SpecDocument spec) {
        return spec.operations().stream()
                .filter(operation -> !operation.isTagged(OAUTH_TAG))
                .toList();
    }

    private static void collectRefs(JsonNode node, Deque<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }

    private static void collectSecuritySchemeNames(JsonNode requirements, Deque<String> refs) {
        requirements.forEach(requirement -> requirement
                .fieldNames()
                .forEachRemaining(name -> refs.add("#/components/securitySchemes/" + escape(name))));
    }

    /** The component a reference points into ({@code #/components/<section>/<name>}), or null. */
    private static String componentOf(String ref) {
        String[] parts = ref.split("/", -1);
        if (parts.length < 4 || !parts[0].equals("#") || !parts[1].equals("components")) {
            return null;
        }
        return String.join("/", parts[0], parts[1], parts[2], parts[3]);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static <T> List<T> iterableToList(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    /** Calls back for every {@code properties} map of a schema, skipping example values. */
    private static void visitPropertyMaps(JsonNode node, String pointer, PropertyMapVisitor visitor) {
        if (node.isObject()) {
            if (node.path("properties").isObject()) {
                visitor.visit(pointer + "/properties", node.get("properties"));
            }
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                    visitPropertyMaps(field.getValue(), pointer + "/" + escape(field.getKey()), visitor);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visitPropertyMaps(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    @FunctionalInterface
    private interface PropertyMapVisitor {
        void visit(String pointer, JsonNode properties);
    }
}
