package io.github.atlascredentials.spec.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code x-error} extension of a schema: the errorCode, detail and parameters the service answers
 * when a value breaks one of the schema's rules, instead of the generic {@code VALIDATION_ERROR}.
 * Placeholders {@code {value}}, {@code {minLength}}, {@code {maxLength}}, {@code {minimum}},
 * {@code {maximum}}, {@code {minItems}} are filled in from the value and the schema. With
 * {@code coversMissing}, an absent required field is answered with it too (else {@code MISSING_ATTRIBUTE}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorOverride(
        int status, String errorCode, String detail, List<String> parameters, boolean coversMissing) {
    public ErrorOverride {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /** The detail with its placeholders filled in. */
    public String detail(SchemaRule schema, String value) {
        return fill(detail, schema, value);
    }

    /** The parameters with their placeholders filled in. */
    public List<String> parameters(SchemaRule schema, String value) {
        return parameters.stream().map(p -> fill(p, schema, value)).toList();
    }

    private static String fill(String template, SchemaRule schema, String value) {
        if (template == null) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("value", value);
        values.put("minLength", schema.minLength());
        values.put("maxLength", schema.maxLength());
        values.put("minimum", schema.minimum());
        values.put("maximum", schema.maximum());
        values.put("minItems", schema.minItems());
        String out = template;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return out;
    }
}
