package io.github.atlascredentials.client;

/**
 * Base of every exception this client throws: catch it to handle them all.
 * Messages never contain credentials, secrets, private keys or tokens.
 */
public abstract class AtlasClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected AtlasClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
