package io.github.atlascredentials.spec.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code openapi.yaml} into the {@link ApiRules} table at build time (run by the spec module's
 * build; {@code main(spec, output)}). Reads only what request checks, routing, versioning and limits
 * need; resolves the spec's local {@code $ref}s. Needs jackson-dataformat-yaml, which only the build
 * has: the jar's users read the finished table.
 */
public final class RuleTableGenerator {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final Pattern VERSIONED =
            Pattern.compile("^application/vnd\\.atlas\\.(\\d{4}-\\d{2}-\\d{2})\\+json$");

    /** Schema keywords the rule table carries into the request checks. */
    private static final Set<String> ENFORCED = Set.of(
            "type",
            "format",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "minLength",
            "maxLength",
            "pattern",
            "enum",
            "minItems",
            "maxItems",
            "uniqueItems",
            "items",
            "properties",
            "required",
            "additionalProperties",
            "oneOf",
            "minProperties",
            "maxProperties",
            "x-json-type",
            "x-rule",
            "x-error");
    /**
     * Keywords that do not restrict what a request may hold: documentation, answers only
     * ({@code readOnly}), or null, which the checks treat as absent whatever {@code nullable} says.
     */
    private static final Set<String> NOT_RULES = Set.of(
            "description",
            "title",
            "example",
            "examples",
            "default",
            "externalDocs",
            "deprecated",
            "readOnly",
            "writeOnly",
            "nullable",
            "x-official-difference",
            "x-source");

    private final JsonNode spec;

    private RuleTableGenerator(JsonNode spec) {
        this.spec = spec;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RuleTableGenerator <openapi.yaml> <api-rules.json>");
        }
        ApiRules rules = rulesOf(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, rules.toJson() + "\n", StandardCharsets.UTF_8);
    }

    /** The rules of a spec file. */
    public static ApiRules rulesOf(Path specFile) throws IOException {
        return rulesOf(Files.readString(specFile, StandardCharsets.UTF_8));
    }

    /** The rules of a spec's YAML text. */
    public static ApiRules rulesOf(String specYaml) throws IOException {
        return new RuleTableGenerator(new YAMLMapper().readTree(specYaml)).rules();
    }

    private ApiRules rules() {
        List<OperationRule> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    operations.add(operation(
                            path.getKey(),
                            method,
                            path.getValue(),
                            op,
                            "#/paths/" + escape(path.getKey()) + "/" + method));
                }
            }
        }
        Map<String, ParameterRule> parameters = new LinkedHashMap<>();
        spec.path("components")
                .path("parameters")
                .fields()
                .forEachRemaining(e -> parameters.put(
                        e.getKey(), parameter(e.getValue(), "#/components/parameters/" + escape(e.getKey()))));
        Map<String, SchemaRule> schemas = new LinkedHashMap<>();
        spec.path("components")
                .path("schemas")
                .fields()
                .forEachRemaining(e ->
                        schemas.put(e.getKey(), schema(e.getValue(), "#/components/schemas/" + escape(e.getKey()))));
        Map<String, ApiRules.Limit> limits = new LinkedHashMap<>();
        spec.path("x-limits")
                .fields()
                .forEachRemaining(e -> limits.put(
                        e.getKey(),
                        new ApiRules.Limit(
                                e.getValue().path("value").asLong(),
                                text(e.getValue(), "unit"),
                                text(e.getValue(), "description"))));
        return new ApiRules(
                spec.path("info").path("version").asText(),
                operations,
                parameters,
                schemas,
                limits,
                errorCodes(spec.path("x-error-codes"), "detail"),
                errorCodes(spec.path("x-oauth-errors"), "description"));
    }

    private static Map<String, ErrorCodeRule> errorCodes(JsonNode table, String textField) {
        Map<String, ErrorCodeRule> codes = new LinkedHashMap<>();
        table.fields().forEachRemaining(e -> {
            Map<String, String> variants = new LinkedHashMap<>();
            e.getValue()
                    .path("variants")
                    .fields()
                    .forEachRemaining(v -> variants.put(v.getKey(), v.getValue().asText()));
            codes.put(
                    e.getKey(),
                    new ErrorCodeRule(
                            e.getValue().path("status").asInt(),
                            text(e.getValue(), textField),
                            strings(e.getValue().get("parameters")),
                            variants,
                            text(e.getValue(), "x-source")));
        });
        return codes;
    }

    private OperationRule operation(String path, String method, JsonNode pathItem, JsonNode op, String at) {
        List<ParameterRule> parameters = new ArrayList<>();
        for (int i = 0; i < pathItem.path("parameters").size(); i++) {
            parameters.add(
                    parameter(pathItem.path("parameters").get(i), "#/paths/" + escape(path) + "/parameters/" + i));
        }
        for (int i = 0; i < op.path("parameters").size(); i++) {
            parameters.add(parameter(op.path("parameters").get(i), at + "/parameters/" + i));
        }
        TreeSet<String> versions = new TreeSet<>();
        List<String> contentTypes = new ArrayList<>();
        SchemaRule body = null;
        JsonNode requestBody = resolve(op.path("requestBody"));
        Iterator<Map.Entry<String, JsonNode>> content =
                requestBody.path("content").fields();
        while (content.hasNext()) {
            Map.Entry<String, JsonNode> e = content.next();
            contentTypes.add(e.getKey());
            versionOf(e.getKey(), versions);
            if (body == null && e.getValue().has("schema")) {
                body = schema(
                        e.getValue().get("schema"), at + "/requestBody/content/" + escape(e.getKey()) + "/schema");
            }
        }
        op.path("responses")
                .forEach(response -> resolve(response)
                        .path("content")
                        .fieldNames()
                        .forEachRemaining(type -> versionOf(type, versions)));
        return new OperationRule(
                op.path("operationId").asText(),
                method.toUpperCase(Locale.ROOT),
                path,
                authentication(op),
                new ArrayList<>(versions),
                contentTypes,
                parameters,
                body,
                text(op, "x-rate-limit"),
                text(op, "x-required-role"));
    }

    private OperationRule.Authentication authentication(JsonNode op) {
        JsonNode security = op.has("security") ? op.get("security") : spec.path("security");
        if (security.isEmpty()) {
            return OperationRule.Authentication.NONE;
        }
        for (JsonNode requirement : security) {
            Iterator<String> names = requirement.fieldNames();
            while (names.hasNext()) {
                JsonNode scheme =
                        spec.path("components").path("securitySchemes").path(names.next());
                if (!"basic".equalsIgnoreCase(scheme.path("scheme").asText())) {
                    return OperationRule.Authentication.API_CREDENTIALS;
                }
            }
        }
        return OperationRule.Authentication.CLIENT_BASIC;
    }

    private static void versionOf(String mediaType, TreeSet<String> versions) {
        Matcher m = VERSIONED.matcher(mediaType);
        if (m.matches()) {
            versions.add(m.group(1));
        }
    }

    private ParameterRule parameter(JsonNode node, String at) {
        JsonNode p = resolve(node);
        String where = node.has("$ref") ? node.get("$ref").asText() : at;
        ParameterRule.Location in =
                "path".equals(p.path("in").asText()) ? ParameterRule.Location.PATH : ParameterRule.Location.QUERY;
        return new ParameterRule(
                p.path("name").asText(),
                in,
                p.path("required").asBoolean(false),
                schema(p.path("schema"), where + "/schema"));
    }

    private SchemaRule schema(JsonNode node, String at) {
        JsonNode s = resolve(node);
        String where = node != null && node.has("$ref") ? resolvedLocation(node) : at;
        refuseUnsupported(s, where);
        Map<String, SchemaRule> properties = null;
        if (s.has("properties")) {
            properties = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = s.get("properties").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                properties.put(f.getKey(), schema(f.getValue(), where + "/properties/" + escape(f.getKey())));
            }
        }
        List<SchemaRule> oneOf = null;
        if (s.has("oneOf")) {
            oneOf = new ArrayList<>();
            for (int i = 0; i < s.get("oneOf").size(); i++) {
                oneOf.add(schema(s.get("oneOf").get(i), where + "/oneOf/" + i));
            }
        }
        return new SchemaRule(
                text(s, "type"),
                text(s, "format"),
                number(s, "minimum"),
                number(s, "maximum"),
                integer(s, "minLength"),
                integer(s, "maxLength"),
                text(s, "pattern"),
                strings(s.get("enum")),
                integer(s, "minItems"),
                integer(s, "maxItems"),
                s.has("items") ? schema(s.get("items"), where + "/items") : null,
                properties,
                strings(s.get("required")),
                s.has("additionalProperties") && !s.get("additionalProperties").asBoolean(true),
                oneOf,
                text(s, "x-json-type"),
                text(s, "x-rule"),
                errorOverride(s.get("x-error")),
                integer(s, "minProperties"),
                integer(s, "maxProperties"),
                s.path("uniqueItems").asBoolean(false),
                s.path("exclusiveMinimum").asBoolean(false),
                s.path("exclusiveMaximum").asBoolean(false));
    }

    /**
     * A keyword the checks would silently ignore lets through what the spec refuses (a {@code PATCH {}}
     * past {@code minProperties}), so the build stops on it instead: support it here and in
     * {@link RequestChecks}, or move it to {@link #NOT_RULES} if it restricts nothing.
     */
    private static void refuseUnsupported(JsonNode schema, String at) {
        Iterator<String> keywords = schema.fieldNames();
        while (keywords.hasNext()) {
            String keyword = keywords.next();
            if (!ENFORCED.contains(keyword) && !NOT_RULES.contains(keyword)) {
                throw new IllegalArgumentException("the schema at " + at + " uses the keyword '" + keyword
                        + "', which the request checks do not support (see RuleTableGenerator)");
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && !additional.isBoolean()) {
            throw new IllegalArgumentException(
                    "the schema at " + at
                            + " uses the keyword 'additionalProperties' with a schema; the request checks support only true or false");
        }
    }

    private String resolvedLocation(JsonNode node) {
        JsonNode current = node;
        String ref = null;
        while (current != null && current.has("$ref")) {
            ref = current.get("$ref").asText();
            current = spec.at(ref.substring(1));
        }
        return ref;
    }

    /** A JSON pointer token: {@code ~} and {@code /} escaped. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static ErrorOverride errorOverride(JsonNode x) {
        if (x == null) {
            return null;
        }
        return new ErrorOverride(
                x.path("status").asInt(400),
                x.path("errorCode").asText(),
                text(x, "detail"),
                strings(x.get("parameters")),
                x.path("coversMissing").asBoolean(false));
    }

    /** Follows a local {@code $ref} (several in a row if need be). */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            if (hops > 16) {
                throw new IllegalArgumentException("$ref loop at " + node);
            }
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local $refs are supported: " + ref);
            }
            current = spec.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("unresolved $ref " + ref);
            }
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.longValue();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.intValue();
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
