package io.github.atlascredentials.spec.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final Pattern VERSIONED = Pattern.compile("^application/vnd\\.atlas\\.(\\d{4}-\\d{2}-\\d{2})\\+json$");

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
                    operations.add(operation(path.getKey(), method, path.getValue(), op));
                }
            }
        }
        Map<String, ParameterRule> parameters = new LinkedHashMap<>();
        spec.path("components").path("parameters").fields()
                .forEachRemaining(e -> parameters.put(e.getKey(), parameter(e.getValue())));
        Map<String, SchemaRule> schemas = new LinkedHashMap<>();
        spec.path("components").path("schemas").fields()
                .forEachRemaining(e -> schemas.put(e.getKey(), schema(e.getValue())));
        Map<String, ApiRules.Limit> limits = new LinkedHashMap<>();
        spec.path("x-limits").fields().forEachRemaining(e -> limits.put(e.getKey(), new ApiRules.Limit(
                e.getValue().path("value").asLong(), text(e.getValue(), "unit"), text(e.getValue(), "description"))));
        return new ApiRules(spec.path("info").path("version").asText(), operations, parameters, schemas, limits,
                errorCodes(spec.path("x-error-codes"), "detail"), errorCodes(spec.path("x-oauth-errors"), "description"));
    }

    private static Map<String, ErrorCodeRule> errorCodes(JsonNode table, String textField) {
        Map<String, ErrorCodeRule> codes = new LinkedHashMap<>();
        table.fields().forEachRemaining(e -> {
            Map<String, String> variants = new LinkedHashMap<>();
            e.getValue().path("variants").fields().forEachRemaining(v -> variants.put(v.getKey(), v.getValue().asText()));
            codes.put(e.getKey(), new ErrorCodeRule(e.getValue().path("status").asInt(), text(e.getValue(), textField),
                    strings(e.getValue().get("parameters")), variants, text(e.getValue(), "x-source")));
        });
        return codes;
    }

    private OperationRule operation(String path, String method, JsonNode pathItem, JsonNode op) {
        List<ParameterRule> parameters = new ArrayList<>();
        for (JsonNode p : pathItem.path("parameters")) {
            parameters.add(parameter(p));
        }
        for (JsonNode p : op.path("parameters")) {
            parameters.add(parameter(p));
        }
        TreeSet<String> versions = new TreeSet<>();
        List<String> contentTypes = new ArrayList<>();
        SchemaRule body = null;
        JsonNode requestBody = resolve(op.path("requestBody"));
        Iterator<Map.Entry<String, JsonNode>> content = requestBody.path("content").fields();
        while (content.hasNext()) {
            Map.Entry<String, JsonNode> e = content.next();
            contentTypes.add(e.getKey());
            versionOf(e.getKey(), versions);
            if (body == null && e.getValue().has("schema")) {
                body = schema(e.getValue().get("schema"));
            }
        }
        op.path("responses").forEach(response -> resolve(response).path("content").fieldNames()
                .forEachRemaining(type -> versionOf(type, versions)));
        return new OperationRule(op.path("operationId").asText(), method.toUpperCase(java.util.Locale.ROOT), path,
                authentication(op), new ArrayList<>(versions), contentTypes, parameters, body, text(op, "x-rate-limit"),
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
                JsonNode scheme = spec.path("components").path("securitySchemes").path(names.next());
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

    private ParameterRule parameter(JsonNode node) {
        JsonNode p = resolve(node);
        ParameterRule.Location in = "path".equals(p.path("in").asText()) ? ParameterRule.Location.PATH
                : ParameterRule.Location.QUERY;
        return new ParameterRule(p.path("name").asText(), in, p.path("required").asBoolean(false), schema(p.path("schema")));
    }

    private SchemaRule schema(JsonNode node) {
        JsonNode s = resolve(node);
        Map<String, SchemaRule> properties = null;
        if (s.has("properties")) {
            properties = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = s.get("properties").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                properties.put(f.getKey(), schema(f.getValue()));
            }
        }
        List<SchemaRule> oneOf = null;
        if (s.has("oneOf")) {
            oneOf = new ArrayList<>();
            for (JsonNode branch : s.get("oneOf")) {
                oneOf.add(schema(branch));
            }
        }
        return new SchemaRule(text(s, "type"), text(s, "format"), number(s, "minimum"), number(s, "maximum"),
                integer(s, "minLength"), integer(s, "maxLength"), text(s, "pattern"), strings(s.get("enum")),
                integer(s, "minItems"), integer(s, "maxItems"), s.has("items") ? schema(s.get("items")) : null,
                properties, strings(s.get("required")),
                s.has("additionalProperties") && !s.get("additionalProperties").asBoolean(true),
                oneOf, text(s, "x-json-type"), text(s, "x-rule"), errorOverride(s.get("x-error")));
    }

    private static ErrorOverride errorOverride(JsonNode x) {
        if (x == null) {
            return null;
        }
        return new ErrorOverride(x.path("status").asInt(400), x.path("errorCode").asText(), text(x, "detail"),
                strings(x.get("parameters")), x.path("coversMissing").asBoolean(false));
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
        return current == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : current;
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
