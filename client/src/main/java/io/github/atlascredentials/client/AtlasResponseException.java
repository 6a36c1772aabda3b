package io.github.atlascredentials.client;

/**
 * The service answered with a success status, but the body could not be read as the spec
 * promises: empty, {@code null}, not JSON, cut short, or lacking required fields. The request may
 * well have been applied: a created secret or API key may exist and be readable only from
 * {@link #rawBody()}. The message never contains the body.
 */
public final class AtlasResponseException extends AtlasClientException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient String rawBody;

    /**
     * @param rawBody the body as received (as much as arrived), with the client's own credentials
     *     masked; it may hold a newly created secret
     */
    public AtlasResponseException(int status, String problem, String rawBody) {
        super(
                "HTTP " + status + " answer could not be read (" + problem + "); the request may have been applied:"
                        + " see rawBody() for what the service sent",
                null);
        this.status = status;
        this.rawBody = rawBody == null ? "" : rawBody;
    }

    /** The HTTP status of the answer (after unwrapping an envelope). */
    public int status() {
        return status;
    }

    /**
     * The body exactly as far as it arrived, with this client's own credentials masked. It may
     * contain a secret or private key that the service just created: handle with care, never log it.
     */
    public String rawBody() {
        return rawBody;
    }
}
