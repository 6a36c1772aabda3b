package io.github.atlascredentials.client;

/**
 * The request could not be completed (connection refused, timeout, broken connection).
 * A create that fails this way is never replayed: the service may have acted on it.
 */
public final class AtlasTransportException extends AtlasClientException {
    private static final long serialVersionUID = 1L;

    public AtlasTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
