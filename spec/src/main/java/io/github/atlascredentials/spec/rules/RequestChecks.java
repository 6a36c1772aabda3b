package io.github.atlascredentials.spec.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks request values against the spec's {@link SchemaRule}s: a JSON body, or the text of a path
 * or query parameter. The client (before sending) and the emulator (on receipt) share it, so both
 * enforce exactly what the spec says. Lengths count Unicode code points, as JSON Schema does.
 * Stateless and thread-safe.
 */
public final class RequestChecks {
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("^[+-]?\\d{1,10}$");

    private RequestChecks() {}

    /**
     * Every violation of a body, ordered by precedence: the first one is what the service answers.
     * An empty list means the body is valid.
     */
    public static List<Violation> body(SchemaRule schema, JsonNode body) {
        List<Violation> found = new ArrayList<>();
        if ("object".equals(schema.type()) && !body.isObject()) {
            found.add(new Violation(Violation.Kind.NOT_AN_OBJECT, "", "must be a JSON object", schema, null));
            return found;
        }
        unknownFields(schema, body, "", found);
        missingFields(schema, body, "", found);
        wrongTypes(schema, body, "", found);
        brokenRules(schema, body, "", found);
        fieldCountRule(schema, body, "body", found);
        return found;
    }

    /** The first violation of a body, if any. */
    public static Optional<Violation> firstOf(SchemaRule schema, JsonNode body) {
        List<Violation> all = body(schema, body);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * The rule a parameter value breaks, in words (for example {@code must match} and the pattern),
     * or empty when the value is valid. Query integers and booleans arrive as text.
     */
    public static Optional<String> parameter(ParameterRule parameter, String value) {
        SchemaRule s = parameter.schema();
        switch (s.type() == null ? "string" : s.type()) {
            case "boolean" -> {
                return "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)
                        ? Optional.empty()
                        : Optional.of("must be true or false");
            }
            case "integer" -> {
                long min = s.minimum() != null
                        ? s.minimum() + (s.exclusiveMinimum() ? 1 : 0)
                        : s.isInt32() ? Integer.MIN_VALUE : Long.MIN_VALUE;
                long max = s.maximum() != null
                        ? s.maximum() - (s.exclusiveMaximum() ? 1 : 0)
                        : s.isInt32() ? Integer.MAX_VALUE : Long.MAX_VALUE;
                boolean ok = DECIMAL_INTEGER.matcher(value).matches()
                        && Long.parseLong(value) >= min
                        && Long.parseLong(value) <= max;
                if (ok) {
                    return Optional.empty();
                }
                return Optional.of(
                        s.ruleText() != null
                                ? "must be " + s.ruleText()
                                : s.maximum() == null && s.minimum() != null
                                        ? "must be an integer of at least " + min
                                        : s.minimum() != null
                                                ? "must be an integer between " + min + " and " + max
                                                : "must be an integer");
            }
            default -> {
                return stringRule(s, value);
            }
        }
    }

    private static void unknownFields(SchemaRule schema, JsonNode node, String prefix, List<Violation> found) {
        if (!node.isObject() || !schema.closed()) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!schema.properties().containsKey(name)) {
                found.add(
                        new Violation(Violation.Kind.UNKNOWN_FIELD, prefix + name, "is not a known field", null, name));
            }
        }
    }

    private static void missingFields(SchemaRule schema, JsonNode node, String prefix, List<Violation> found) {
        for (String name : schema.required()) {
            SchemaRule property = schema.properties().get(name);
            // A field whose schema names its own errorCode reports its absence as that rule (see brokenRules).
            if (absent(node.get(name)) && !reportsOwnAbsence(property)) {
                found.add(
                        new Violation(Violation.Kind.MISSING_FIELD, prefix + name, "must not be null", property, null));
            }
        }
    }

    private static void wrongTypes(SchemaRule schema, JsonNode node, String prefix, List<Violation> found) {
        for (Map.Entry<String, SchemaRule> p : schema.properties().entrySet()) {
            JsonNode value = node.get(p.getKey());
            if (!absent(value) && !typeMatches(p.getValue(), value, true)) {
                found.add(new Violation(
                        Violation.Kind.WRONG_TYPE,
                        prefix + p.getKey(),
                        "must be " + typeName(p.getValue()),
                        p.getValue(),
                        null));
            }
        }
    }

    private static void brokenRules(SchemaRule schema, JsonNode node, String prefix, List<Violation> found) {
        for (Map.Entry<String, SchemaRule> p : schema.properties().entrySet()) {
            SchemaRule rule = p.getValue();
            JsonNode value = node.get(p.getKey());
            String field = prefix + p.getKey();
            if (absent(value)) {
                if (schema.required().contains(p.getKey()) && reportsOwnAbsence(rule)) {
                    found.add(new Violation(Violation.Kind.RULE, field, "must not be null", rule, null));
                }
                continue;
            }
            valueRule(rule, value, field, found);
        }
    }

    private static void valueRule(SchemaRule rule, JsonNode value, String field, List<Violation> found) {
        if (!typeMatches(rule, value, false)) {
            return; // reported as a wrong type already
        }
        if (!rule.oneOf().isEmpty()) {
            for (SchemaRule branch : rule.oneOf()) {
                if (typeMatches(branch, value, false)) {
                    valueRule(branch, value, field, found);
                    return;
                }
            }
            return;
        }
        Optional<String> broken = switch (rule.type() == null ? "" : rule.type()) {
            case "integer", "number" -> numberRule(rule, value);
            case "string" -> stringRule(rule, value.textValue());
            case "array" -> itemCountRule(rule, value);
            default -> Optional.empty();
        };
        if (broken.isPresent()) {
            found.add(new Violation(
                    Violation.Kind.RULE, field, broken.get(), rule, value.isValueNode() ? value.asText() : null));
            return;
        }
        if ("array".equals(rule.type()) && rule.items() != null) {
            for (JsonNode item : value) {
                valueRule(rule.items(), item, field, found);
            }
        }
        if ("object".equals(rule.type())) {
            // Nested objects: the same phases, with the field names prefixed.
            unknownFields(rule, value, field + ".", found);
            missingFields(rule, value, field + ".", found);
            wrongTypes(rule, value, field + ".", found);
            brokenRules(rule, value, field + ".", found);
            fieldCountRule(rule, value, field, found);
        }
    }

    /** {@code minProperties}/{@code maxProperties}: counts the fields that are present and not null. */
    private static void fieldCountRule(SchemaRule schema, JsonNode node, String field, List<Violation> found) {
        if (!node.isObject() || (schema.minProperties() == null && schema.maxProperties() == null)) {
            return;
        }
        int present = 0;
        for (JsonNode value : node) {
            present += absent(value) ? 0 : 1;
        }
        if ((schema.minProperties() == null || present >= schema.minProperties())
                && (schema.maxProperties() == null || present <= schema.maxProperties())) {
            return;
        }
        String rule = schema.ruleText() != null
                ? "must be " + schema.ruleText()
                : schema.maxProperties() == null
                        ? "must have at least " + fields(schema.minProperties())
                        : schema.minProperties() == null
                                ? "must have at most " + fields(schema.maxProperties())
                                : "must have between " + schema.minProperties() + " and "
                                        + fields(schema.maxProperties());
        found.add(new Violation(Violation.Kind.RULE, field, rule, schema, null));
    }

    private static Optional<String> numberRule(SchemaRule s, JsonNode value) {
        boolean outOfType =
                "integer".equals(s.type()) && (s.isInt32() ? !value.canConvertToInt() : !value.canConvertToLong());
        int belowMinimum = s.minimum() == null ? 1 : value.decimalValue().compareTo(BigDecimal.valueOf(s.minimum()));
        int aboveMaximum = s.maximum() == null ? -1 : value.decimalValue().compareTo(BigDecimal.valueOf(s.maximum()));
        boolean low = s.exclusiveMinimum() ? belowMinimum <= 0 : belowMinimum < 0;
        boolean high = s.exclusiveMaximum() ? aboveMaximum >= 0 : aboveMaximum > 0;
        if (!outOfType && !low && !high) {
            return Optional.empty();
        }
        if (s.ruleText() != null) {
            return Optional.of("must be " + s.ruleText());
        }
        if (s.exclusiveMinimum() || s.exclusiveMaximum()) {
            return Optional.of(exclusiveBounds(s));
        }
        return Optional.of(bounds(s.minimum(), s.maximum(), ""));
    }

    private static Optional<String> stringRule(SchemaRule s, String text) {
        int length = text.codePointCount(0, text.length());
        boolean badLength =
                (s.minLength() != null && length < s.minLength()) || (s.maxLength() != null && length > s.maxLength());
        boolean badPattern = s.compiledPattern() != null
                && !s.compiledPattern().matcher(text).matches();
        boolean badEnum = !s.enumValues().isEmpty() && !s.enumValues().contains(text);
        if (!badLength && !badPattern && !badEnum) {
            return Optional.empty();
        }
        if (s.ruleText() != null) {
            return Optional.of("must be " + s.ruleText());
        }
        if (badEnum) {
            return Optional.of("must be one of " + s.enumValues());
        }
        if (badPattern) {
            return Optional.of("must match " + s.pattern());
        }
        return Optional.of(bounds(
                s.minLength() == null ? null : s.minLength().longValue(),
                s.maxLength() == null ? null : s.maxLength().longValue(),
                " characters long"));
    }

    private static String exclusiveBounds(SchemaRule s) {
        List<String> parts = new ArrayList<>();
        if (s.minimum() != null) {
            parts.add((s.exclusiveMinimum() ? "above " : "at least ") + s.minimum());
        }
        if (s.maximum() != null) {
            parts.add((s.exclusiveMaximum() ? "below " : "at most ") + s.maximum());
        }
        return "must be " + String.join(" and ", parts);
    }

    private static Optional<String> itemCountRule(SchemaRule s, JsonNode value) {
        int size = value.size();
        boolean countOk =
                (s.minItems() == null || size >= s.minItems()) && (s.maxItems() == null || size <= s.maxItems());
        if (countOk && s.uniqueItems() && hasDuplicates(value)) {
            return Optional.of(s.ruleText() != null ? "must be " + s.ruleText() : "must not hold the same item twice");
        }
        if (countOk) {
            return Optional.empty();
        }
        if (s.ruleText() != null) {
            return Optional.of("must be " + s.ruleText());
        }
        return Optional.of(bounds(
                s.minItems() == null ? null : s.minItems().longValue(),
                s.maxItems() == null ? null : s.maxItems().longValue(),
                " items"));
    }

    private static String fields(int count) {
        return count + (count == 1 ? " field" : " fields");
    }

    private static boolean hasDuplicates(JsonNode array) {
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode item : array) {
            if (!seen.add(item)) {
                return true;
            }
        }
        return false;
    }

    private static String bounds(Long min, Long max, String unit) {
        if (min != null && max != null) {
            return "must be between " + min + " and " + max + unit;
        }
        return min != null ? "must be at least " + min + unit : "must be at most " + max + unit;
    }

    /** Whether the JSON type fits; with {@code deep}, array items must fit too (null items never do). */
    private static boolean typeMatches(SchemaRule s, JsonNode value, boolean deep) {
        if (!s.oneOf().isEmpty()) {
            return s.oneOf().stream().anyMatch(b -> typeMatches(b, value, deep));
        }
        if (s.type() == null) {
            return true;
        }
        return switch (s.type()) {
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray() && (!deep || s.items() == null || allItemsMatch(s.items(), value));
            default -> true;
        };
    }

    private static boolean allItemsMatch(SchemaRule items, JsonNode array) {
        for (JsonNode item : array) {
            if (item.isNull() || !typeMatches(items, item, true)) {
                return false;
            }
        }
        return true;
    }

    /** How an answer names the JSON type a schema expects: {@code an integer}, {@code a string}, ... */
    public static String typeName(SchemaRule s) {
        if (s.jsonTypeName() != null) {
            return s.jsonTypeName();
        }
        if (!s.oneOf().isEmpty()) {
            return String.join(
                    " or ", s.oneOf().stream().map(RequestChecks::typeName).toList());
        }
        return switch (s.type() == null ? "" : s.type()) {
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "string" -> "a string";
            case "boolean" -> "true or false";
            case "object" -> "an object";
            case "array" -> s.items() == null ? "an array" : "an array of " + plural(typeName(s.items()));
            default -> "a JSON value";
        };
    }

    private static String plural(String singular) {
        String bare = singular.replaceFirst("^an? ", "");
        return bare.endsWith("s") ? bare : bare + "s";
    }

    private static boolean reportsOwnAbsence(SchemaRule property) {
        return property != null && property.error() != null && property.error().coversMissing();
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }
}
