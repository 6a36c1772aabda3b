package io.github.atlascredentials.emulator.http;

import io.github.atlascredentials.emulator.auth.DigestAuthenticator;
import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import jakarta.ws.rs.core.HttpHeaders;

/** The answers more than one step (or the Grizzly-level guards) give, worded once. */
public final class Answers {
    private Answers() {
    }

    public static ApiProblem notFound(String rawPath) {
        return ApiProblem.api(404, "RESOURCE_NOT_FOUND", "Cannot find resource " + rawPath + ".", rawPath);
    }

    public static ApiProblem methodNotAllowed(String method, String rawPath, Route route) {
        return ApiProblem.api(405, "METHOD_NOT_ALLOWED", "Method " + method + " is not allowed on " + rawPath + ".", method)
                .header("Allow", String.join(", ", route.methods()));
    }

    public static ApiProblem invalidQuery(String name, String rule) {
        return ApiProblem.api(400, "INVALID_QUERY_PARAMETER", "Invalid query parameter " + name + ": it " + rule + ".", name);
    }

    public static ApiProblem invalidPathParameter(String name, String rule) {
        return ApiProblem.api(400, "INVALID_PATH_PARAMETER", "Invalid path parameter " + name + ": it " + rule + ".", name);
    }

    public static ApiProblem rateLimited(String resource, FixedWindowRateLimiter.Decision decision) {
        return ApiProblem.api(429, "RATE_LIMITED", "Resource " + resource + " is limited to " + decision.limit()
                        + " requests every 1 minutes.", resource, decision.limit(), 1)
                .header("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }

    /** OAuth: unknown client or wrong secret (RFC 6749 section 5.2). */
    public static ApiProblem invalidClient() {
        return ApiProblem.oauth(401, "invalid_client", "Invalid client credentials.")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + DigestAuthenticator.REALM + "\"");
    }
}
