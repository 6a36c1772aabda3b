package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.emulator.auth.Principal;
import io.github.atlascredentials.emulator.state.Organization;
import io.github.atlascredentials.emulator.state.StoredSecret;

/**
 * What the request gate established about the current request, handed to the resource method on the
 * same thread (the generated interfaces leave no room for extra parameters).
 */
public final class Exchange {
    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    public Principal principal;
    public Organization organization;
    public String responseMediaType;
    public Integer secretExpiresAfterHours;
    public RequestBodies.ApiKeyInput apiKeyInput;
    /** OAuth: the client that authenticated with Basic, and the secret it used. */
    public String clientId;
    public StoredSecret clientSecret;
    public boolean clientSecretExpired;
    public String baseUri;
    /** The JSON body as the gate parsed it, so that binding it for the resource does not parse it again. */
    public JsonNode body;

    /** Parses the body (400 if malformed) and keeps the tree for {@link ParsedBodyReader}. */
    JsonNode parsedBody(byte[] bytes) {
        body = RequestBodies.parse(bytes);
        return body;
    }

    public static Exchange begin() {
        Exchange exchange = new Exchange();
        CURRENT.set(exchange);
        return exchange;
    }

    public static Exchange current() {
        Exchange exchange = CURRENT.get();
        if (exchange == null) {
            throw new IllegalStateException("no request in progress on this thread");
        }
        return exchange;
    }

    /** The current exchange, or null outside a request. */
    static Exchange currentOrNull() {
        return CURRENT.get();
    }

    public static void end() {
        CURRENT.remove();
    }
}
