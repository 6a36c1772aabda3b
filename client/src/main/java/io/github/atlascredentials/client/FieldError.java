package io.github.atlascredentials.client;

import java.util.Objects;

/** One field that broke a rule: found locally before sending, or reported by the service. */
public record FieldError(String field, String rule) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String toString() {
        return field + ": " + rule;
    }
}
