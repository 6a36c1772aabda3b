package io.github.atlascredentials.client.internal;

import jakarta.ws.rs.client.ClientRequestContext;

/** Names of request properties the client's filters use to talk to each other. */
public final class RequestProperties {
    /** Set on requests to the OAuth endpoints: they carry their own Basic credentials. */
    public static final String SKIP_AUTH = "io.github.atlascredentials.skipAuth";
    /** Set on a request repeated after an authentication challenge: never repeat it again. */
    public static final String REPLAYED = "io.github.atlascredentials.replayed";

    private RequestProperties() {}

    public static boolean isSet(ClientRequestContext request, String name) {
        return request.getProperty(name) != null;
    }
}
