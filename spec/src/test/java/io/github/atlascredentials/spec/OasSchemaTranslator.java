package io.github.atlascredentials.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns OpenAPI 3.0 Schema Objects into a JSON Schema draft-04 document that a standard
 * validator understands. Draft 04 is the closest draft: OpenAPI 3.0 keeps its boolean
 * {@code exclusiveMinimum}/{@code exclusiveMaximum}. What differs is translated here:
 * <ul>
 *   <li>{@code $ref: #/components/schemas/X} becomes {@code #/definitions/X}; the components are
 *       copied into {@code definitions}. Siblings of a {@code $ref} are ignored, as in OpenAPI 3.0.</li>
 *   <li>{@code nullable: true} adds {@code "null"} to {@code type} (or allows null beside a
 *       typeless schema). Following the OpenAPI 3.0.3 clarification, it does not add null to an
 *       {@code enum}: such an enum must list null itself.</li>
 *   <li>{@code readOnly} properties are not required in requests and must not be sent in them;
 *       {@code writeOnly} properties likewise in responses. Neither rule applies in
 *       {@link Direction#NEUTRAL} (schema-level examples).</li>
 *   <li>{@code format}: the JSON Schema formats (date-time, date, uri, email, uuid, ...) are kept
 *       and asserted; {@code int32}/{@code int64} become their numeric bounds; {@code byte} becomes
 *       a base64 pattern; the others ({@code password}, {@code binary}, {@code float},
 *       {@code double}, custom ones) are hints and are dropped.</li>
 *   <li>OpenAPI-only keywords ({@code example}, {@code discriminator}, {@code xml},
 *       {@code externalDocs}, {@code deprecated}, {@code x-*}) are removed.</li>
 * </ul>
 */
final class OasSchemaTranslator {

    /** Which side of the exchange the validated value travels on. */
    enum Direction {
        REQUEST,
        RESPONSE,
        NEUTRAL
    }

    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    private static final Set<String> DROPPED_KEYWORDS = Set.of(
            "example", "nullable", "readOnly", "writeOnly", "discriminator", "xml", "externalDocs", "deprecated");
    private static final Set<String> ASSERTED_FORMATS =
            Set.of("date-time", "date", "time", "email", "hostname", "ipv4", "ipv6", "uri", "uri-reference", "uuid");
    private static final String BASE64_PATTERN = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";

    private final SpecDocument document;
    private final Direction direction;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    OasSchemaTranslator(SpecDocument document, Direction direction) {
        this.document = document;
        this.direction = direction;
    }

    /** A standalone draft-04 schema that validates what {@code oasSchema} describes. */
    ObjectNode standalone(JsonNode oasSchema) {
        ObjectNode root = nodes.objectNode();
        root.put("$schema", "http://json-schema.org/draft-04/schema#");
        ObjectNode definitions = root.putObject("definitions");
        document.components("schemas")
                .fields()
                .forEachRemaining(entry -> definitions.set(entry.getKey(), translate(entry.getValue())));
        root.putArray("allOf").add(translate(oasSchema));
        return root;
    }

    JsonNode translate(JsonNode schema) {
        if (!schema.isObject()) {
            throw new IllegalArgumentException("A schema must be an object, found: " + schema);
        }
        String ref = SpecDocument.refOf(schema);
        if (ref != null) {
            if (!ref.startsWith(SCHEMA_REF_PREFIX)) {
                throw new IllegalArgumentException("A schema $ref must point into components/schemas: " + ref);
            }
            return nodes.objectNode().put("$ref", "#/definitions/" + ref.substring(SCHEMA_REF_PREFIX.length()));
        }
        ObjectNode result = nodes.objectNode();
        ArrayNode extraConstraints = nodes.arrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            if (DROPPED_KEYWORDS.contains(keyword) || keyword.startsWith("x-")) {
                continue;
            }
            switch (keyword) {
                case "properties" -> result.set(keyword, translateProperties(schema, value));
                case "required" -> result.set(keyword, requiredFor(schema, value));
                case "items", "not" -> result.set(keyword, translate(value));
                case "additionalProperties" ->
                    result.set(keyword, value.isObject() ? translate(value) : value.deepCopy());
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode translated = result.putArray(keyword);
                    value.forEach(member -> translated.add(translate(member)));
                }
                case "format" -> translateFormat(value.asText(), result, extraConstraints);
                default -> result.set(keyword, value.deepCopy());
            }
        }
        if (result.has("required") && result.get("required").isEmpty()) {
            result.remove("required"); // draft 04 forbids an empty required array
        }
        if (!extraConstraints.isEmpty()) {
            result.withArray("allOf").addAll(extraConstraints);
        }
        return schema.path("nullable").asBoolean(false) ? allowNull(result) : result;
    }

    private ObjectNode translateProperties(JsonNode schema, JsonNode properties) {
        ObjectNode translated = nodes.objectNode();
        properties
                .fields()
                .forEachRemaining(property -> translated.set(
                        property.getKey(),
                        isForbidden(property.getValue()) ? forbidden() : translate(property.getValue())));
        return translated;
    }

    private ArrayNode requiredFor(JsonNode schema, JsonNode required) {
        ArrayNode kept = nodes.arrayNode();
        for (JsonNode name : required) {
            JsonNode property = schema.path("properties").get(name.asText());
            if (property == null || !isForbidden(property)) {
                kept.add(name.asText());
            }
        }
        return kept;
    }

    /** A readOnly property in a request, or a writeOnly property in a response. */
    private boolean isForbidden(JsonNode propertySchema) {
        JsonNode resolved = document.resolve(propertySchema);
        return switch (direction) {
            case REQUEST -> resolved.path("readOnly").asBoolean(false);
            case RESPONSE -> resolved.path("writeOnly").asBoolean(false);
            case NEUTRAL -> false;
        };
    }

    private ObjectNode forbidden() {
        ObjectNode schema = nodes.objectNode();
        schema.putObject("not");
        schema.put(
                "description",
                direction == Direction.REQUEST
                        ? "readOnly: must not be sent in a request"
                        : "writeOnly: must not be sent in a response");
        return schema;
    }

    private void translateFormat(String format, ObjectNode result, ArrayNode extraConstraints) {
        if (ASSERTED_FORMATS.contains(format)) {
            result.put("format", format);
        } else if ("int32".equals(format)) {
            extraConstraints.add(
                    nodes.objectNode().put("minimum", Integer.MIN_VALUE).put("maximum", Integer.MAX_VALUE));
        } else if ("int64".equals(format)) {
            extraConstraints.add(
                    nodes.objectNode().put("minimum", Long.MIN_VALUE).put("maximum", Long.MAX_VALUE));
        } else if ("byte".equals(format)) {
            extraConstraints.add(nodes.objectNode().put("pattern", BASE64_PATTERN));
        }
        // password, binary, float, double and custom formats are hints to tools, not constraints.
    }

    private ObjectNode allowNull(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            schema.putArray("type").add(type.asText()).add("null");
            return schema;
        }
        if (type == null
                && !schema.has("allOf")
                && !schema.has("anyOf")
                && !schema.has("oneOf")
                && !schema.has("enum")
                && !schema.has("not")) {
            return schema; // a typeless, unconstrained schema already accepts null
        }
        ObjectNode either = nodes.objectNode();
        either.putArray("anyOf").add(schema).add(nodes.objectNode().put("type", "null"));
        return either;
    }
}
