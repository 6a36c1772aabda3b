package io.github.atlascredentials.spec.rules;

/** A path or query parameter of an operation, as the spec defines it. */
public record ParameterRule(String name, Location in, boolean required, SchemaRule schema) {
    /** Where the parameter travels. */
    public enum Location {
        PATH,
        QUERY
    }
}
