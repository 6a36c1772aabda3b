package io.github.atlascredentials.spec.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the rule table from its JSON tree, field by field. Jackson's data binding of these records
 * and classes (constructor and annotation introspection) cost more than the rest of reading the table
 * on every start of the client and the emulator; a tree needs none of it. The writer stays Jackson's
 * ({@link ApiRules#toJson()}), and {@code RuleTableReaderTest} checks that every table reads back
 * equal to what was written.
 */
final class RuleTableReader {
    private RuleTableReader() {}

    static ApiRules read(InputStream json) throws IOException {
        JsonNode root = ApiRules.MAPPER.readTree(json);
        return new ApiRules(
                text(root, "specVersion"),
                list(root.get("operations"), RuleTableReader::operation),
                map(root.get("parameters"), RuleTableReader::parameter),
                map(root.get("schemas"), RuleTableReader::schema),
                map(root.get("limits"), RuleTableReader::limit),
                map(root.get("errorCodes"), RuleTableReader::errorCode),
                map(root.get("oauthErrors"), RuleTableReader::errorCode));
    }

    private static OperationRule operation(JsonNode n) {
        return new OperationRule(
                text(n, "operationId"),
                text(n, "method"),
                text(n, "path"),
                n.hasNonNull("authentication") ? OperationRule.Authentication.valueOf(text(n, "authentication")) : null,
                strings(n.get("versions")),
                strings(n.get("requestContentTypes")),
                list(n.get("parameters"), RuleTableReader::parameter),
                schemaOrNull(n.get("requestBody")),
                text(n, "rateLimit"),
                text(n, "requiredRole"));
    }

    private static ParameterRule parameter(JsonNode n) {
        return new ParameterRule(
                text(n, "name"),
                n.hasNonNull("in") ? ParameterRule.Location.valueOf(text(n, "in")) : null,
                n.path("required").asBoolean(false),
                schemaOrNull(n.get("schema")));
    }

    private static SchemaRule schemaOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : schema(n);
    }

    private static SchemaRule schema(JsonNode n) {
        return new SchemaRule(
                text(n, "type"),
                text(n, "format"),
                longOrNull(n, "minimum"),
                longOrNull(n, "maximum"),
                intOrNull(n, "minLength"),
                intOrNull(n, "maxLength"),
                text(n, "pattern"),
                strings(n.get("enumValues")),
                intOrNull(n, "minItems"),
                intOrNull(n, "maxItems"),
                schemaOrNull(n.get("items")),
                map(n.get("properties"), RuleTableReader::schema),
                strings(n.get("required")),
                n.path("closed").asBoolean(false),
                list(n.get("oneOf"), RuleTableReader::schema),
                text(n, "jsonTypeName"),
                text(n, "ruleText"),
                n.hasNonNull("error") ? error(n.get("error")) : null,
                intOrNull(n, "minProperties"),
                intOrNull(n, "maxProperties"),
                n.path("uniqueItems").asBoolean(false),
                n.path("exclusiveMinimum").asBoolean(false),
                n.path("exclusiveMaximum").asBoolean(false));
    }

    private static ErrorOverride error(JsonNode n) {
        return new ErrorOverride(
                n.path("status").asInt(),
                text(n, "errorCode"),
                text(n, "detail"),
                strings(n.get("parameters")),
                n.path("coversMissing").asBoolean(false));
    }

    private static ErrorCodeRule errorCode(JsonNode n) {
        return new ErrorCodeRule(
                n.path("status").asInt(),
                text(n, "detail"),
                strings(n.get("parameters")),
                map(n.get("variants"), JsonNode::asText),
                text(n, "source"));
    }

    private static ApiRules.Limit limit(JsonNode n) {
        return new ApiRules.Limit(n.path("value").asLong(), text(n, "unit"), text(n, "description"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long longOrNull(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }

    private static Integer intOrNull(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static List<String> strings(JsonNode array) {
        return list(array, JsonNode::asText);
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        List<T> out = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> out.add(element.apply(item)));
        }
        return out;
    }

    private static <T> Map<String, T> map(JsonNode object, Function<JsonNode, T> value) {
        Map<String, T> out = new LinkedHashMap<>();
        if (object != null) {
            object.fields().forEachRemaining(e -> out.put(e.getKey(), value.apply(e.getValue())));
        }
        return out;
    }
}
