package io.github.atlascredentials.client.internal.auth;

import io.github.atlascredentials.client.auth.BearerTokenCredential;
import io.github.atlascredentials.client.internal.RequestProperties;
import io.github.atlascredentials.client.internal.RequestReplayer;
import io.github.atlascredentials.client.internal.ResponseBodies;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends {@code Authorization: Bearer}: a service account's managed token (renewed and the request
 * repeated once after a 401 that rejects the token itself, see {@link TokenRejection}), or a static
 * token (never renewed).
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthFilter implements ClientRequestFilter, ClientResponseFilter {
    private static final String SENT_TOKEN = "io.github.atlascredentials.bearer.sent";

    private final OAuthTokenManager tokens;
    private final String staticToken;

    private BearerAuthFilter(OAuthTokenManager tokens, String staticToken) {
        this.tokens = tokens;
        this.staticToken = staticToken;
    }

    public static BearerAuthFilter managed(OAuthTokenManager tokens) {
        return new BearerAuthFilter(tokens, null);
    }

    public static BearerAuthFilter fixed(BearerTokenCredential credential) {
        return new BearerAuthFilter(null, credential.token());
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (RequestProperties.isSet(request, RequestProperties.SKIP_AUTH)
                || request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        String token = tokens == null ? staticToken : tokens.token();
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        request.setProperty(SENT_TOKEN, token);
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (tokens == null
                || response.getStatus() != 401
                || RequestProperties.isSet(request, RequestProperties.SKIP_AUTH)
                || RequestProperties.isSet(request, RequestProperties.REPLAYED)) {
            return;
        }
        Object sent = request.getProperty(SENT_TOKEN);
        if (!(sent instanceof String rejected)) {
            return;
        }
        // Read the verdict and release this connection before the renewal needs one.
        byte[] body = ResponseBodies.consumeAndKeep(response);
        if (!TokenRejection.tokenRejected(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE), body)) {
            return; // a role error, say: a new token would be refused the same way
        }
        tokens.renewAfterRejection(rejected);
        request.removeProperty(SENT_TOKEN);
        RequestReplayer.replay(request, response);
    }

    @Override
    public String toString() {
        return tokens == null ? "BearerAuthFilter[static]" : "BearerAuthFilter[" + tokens + "]";
    }
}
