package io.github.atlascredentials.client.internal;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Puts our user agent on every request, the OAuth ones included (Jersey would name itself). */
public final class UserAgentFilter implements ClientRequestFilter {
    private final String userAgent;

    public UserAgentFilter(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (!request.getHeaders().containsKey(HttpHeaders.USER_AGENT)) {
            request.getHeaders().putSingle(HttpHeaders.USER_AGENT, userAgent);
        }
    }
}
