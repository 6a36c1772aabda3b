package io.github.atlascredentials.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An argument breaks a rule of the spec; thrown before any request leaves the process.
 * The message names each field and rule but never echoes the rejected value.
 */
public final class AtlasValidationException extends AtlasClientException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> violations;

    public AtlasValidationException(String operation, List<FieldError> violations) {
        super(
                operation + ": invalid arguments, nothing was sent: "
                        + violations.stream().map(FieldError::toString).collect(Collectors.joining("; ")),
                null);
        this.violations = List.copyOf(violations);
    }

    /** The fields and rules that failed, in a stable order. */
    public List<FieldError> violations() {
        return violations;
    }
}
