package io.github.atlascredentials.client.internal;

import jakarta.ws.rs.client.ClientResponseContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and releases the body of an answer inside a response filter. Closing the stream is what
 * hands the pooled connection back: an auth filter must do it before it renews a token or replays
 * the request, else N concurrent 401s hold N connections while each waits for one more.
 */
public final class ResponseBodies {
    /** More than any error body of the service; the rest of a larger body is discarded. */
    static final int MAX_KEPT_BYTES = 64 * 1024;

    private ResponseBodies() {}

    /** Reads up to {@link #MAX_KEPT_BYTES}, drains the rest and closes the stream; never throws. */
    public static byte[] consume(ClientResponseContext response) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        try (InputStream in = response.getEntityStream()) {
            if (in == null) {
                return new byte[0];
            }
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                int room = MAX_KEPT_BYTES - kept.size();
                kept.write(buffer, 0, Math.max(0, Math.min(room, n)));
            }
        } catch (IOException | RuntimeException broken) {
            // A broken challenge body does not matter: the connection is released (or discarded) either way.
        }
        return kept.toByteArray();
    }

    /** Consumes the body and puts an in-memory copy back, for the filters and readers after this one. */
    public static byte[] consumeAndKeep(ClientResponseContext response) {
        byte[] body = consume(response);
        response.setEntityStream(new ByteArrayInputStream(body));
        return body;
    }
}
