package io.github.atlascredentials.client;

/** The call was made after {@link AtlasCredentialsClient#close()}: nothing was sent. */
public final class AtlasClientClosedException extends AtlasClientException {
    private static final long serialVersionUID = 1L;

    public AtlasClientClosedException(String message) {
        super(message, null);
    }
}
