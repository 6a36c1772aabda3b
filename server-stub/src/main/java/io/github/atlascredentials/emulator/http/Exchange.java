package io.github.atlascredentials.emulator.http;

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

    public static void end() {
        CURRENT.remove();
    }
}
