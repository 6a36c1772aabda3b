package io.github.atlascredentials.docs.reference;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One-line HTML descriptions of a schema's type and of the rules its values follow. */
final class SchemaDescriber {

    private SchemaDescriber() {}

    /** The type, linking to component schemas, with the constraints of inline alternatives. */
    static String type(Schema<?> schema) {
        if (schema == null) {
            return "any";
        }
        if (schema.get$ref() != null) {
            return Html.schemaLink(Html.refName(schema.get$ref()));
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return "one of: " + alternatives(schema.getOneOf());
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return "any of: " + alternatives(schema.getAnyOf());
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return "all of: " + alternatives(schema.getAllOf());
        }
        if ("array".equals(schema.getType())) {
            return "array of " + type(schema.getItems());
        }
        if (schema.getType() == null) {
            return "any JSON value";
        }
        String format = schema.getFormat() == null ? "" : " (" + Html.escape(schema.getFormat()) + ")";
        return Html.code(schema.getType()) + format;
    }

    private static String alternatives(List<Schema> schemas) {
        return schemas.stream()
                .map(alternative -> {
                    String rules = constraints(alternative);
                    return type(alternative) + (rules.isEmpty() ? "" : " [" + rules + "]");
                })
                .collect(Collectors.joining(" | "));
    }

    /** Bounds, lengths, pattern, enum, default and flags, separated by semicolons; empty when none. */
    static String constraints(Schema<?> schema) {
        if (schema == null || schema.get$ref() != null) {
            return "";
        }
        List<String> rules = new ArrayList<>();
        range(
                rules,
                "value",
                schema.getMinimum(),
                Boolean.TRUE.equals(schema.getExclusiveMinimum()),
                schema.getMaximum(),
                Boolean.TRUE.equals(schema.getExclusiveMaximum()));
        range(rules, "length", decimal(schema.getMinLength()), false, decimal(schema.getMaxLength()), false);
        range(rules, "items", decimal(schema.getMinItems()), false, decimal(schema.getMaxItems()), false);
        if (schema.getPattern() != null) {
            rules.add("pattern " + Html.code(schema.getPattern()));
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            rules.add("one of " + schema.getEnum().stream().map(Html::code).collect(Collectors.joining(", ")));
        }
        if (schema.getDefault() != null) {
            rules.add("default " + Html.code(schema.getDefault()));
        }
        if (Boolean.TRUE.equals(schema.getNullable())) {
            rules.add("nullable");
        }
        if (Boolean.TRUE.equals(schema.getReadOnly())) {
            rules.add("read-only");
        }
        if ("password".equals(schema.getFormat())) {
            rules.add("secret (format password)");
        }
        if (Boolean.FALSE.equals(schema.getAdditionalProperties())) {
            rules.add("unknown properties are rejected");
        }
        return String.join("; ", rules);
    }

    private static void range(
            List<String> rules,
            String what,
            BigDecimal min,
            boolean exclusiveMin,
            BigDecimal max,
            boolean exclusiveMax) {
        if (min != null && max != null && min.compareTo(max) == 0 && !exclusiveMin && !exclusiveMax) {
            rules.add(what + " = " + min.toPlainString());
            return;
        }
        String lower = min == null ? null : min.toPlainString() + (exclusiveMin ? " &lt; " : " ≤ ");
        String upper = max == null ? null : (exclusiveMax ? " &lt; " : " ≤ ") + max.toPlainString();
        if (lower != null || upper != null) {
            rules.add((lower == null ? "" : lower) + what + (upper == null ? "" : upper));
        }
    }

    private static BigDecimal decimal(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
