package io.github.atlascredentials.spec.rules;

/**
 * The first way a request breaks the spec, in the service's order of precedence (the order of
 * {@link Kind}). {@code rule} says in words what the value must be, for example
 * {@code must be between} and the bounds; {@code schema} is the schema that was broken, whose
 * {@link SchemaRule#error()} may name the errorCode the service answers instead of the generic one.
 */
public record Violation(Kind kind, String field, String rule, SchemaRule schema, String value) {

    /** What is wrong, most fundamental first. */
    public enum Kind {
        /** Not well-formed JSON. */
        MALFORMED_JSON,
        /** JSON, but not the object the operation expects. */
        NOT_AN_OBJECT,
        /** A field the schema does not define (with {@code additionalProperties: false}). */
        UNKNOWN_FIELD,
        /** A required field is absent or null. */
        MISSING_FIELD,
        /** A field of the wrong JSON type. */
        WRONG_TYPE,
        /** A bound, length, pattern, enum or item count is broken. */
        RULE
    }

    /** The {@code x-error} override that applies, or null for the generic answer. */
    public ErrorOverride override() {
        return schema == null ? null : schema.error();
    }
}
