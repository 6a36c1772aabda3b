package io.github.atlascredentials.spec.drift;

/** Our spec differs from the official one where it declares no difference, or a declaration is stale or invalid. */
public final class OfficialDriftException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OfficialDriftException(String message) {
        super(message);
    }
}
