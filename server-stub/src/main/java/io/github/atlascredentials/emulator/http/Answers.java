package io.github.atlascredentials.emulator.http;

import io.github.atlascredentials.emulator.auth.DigestAuthenticator;
import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import io.github.atlascredentials.emulator.auth.TokenBucketRateLimiter;
import io.github.atlascredentials.spec.rules.OperationRule;
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

    /**
     * The Atlas v2 limit (the rate-limit documentation's shape): {@code parameters} are
     * {@code [path, retryAfter, capacity, refill, seconds]}.
     */
    public static ApiProblem tokenBucketLimited(String path, FixedWindowRateLimiter.Decision decision,
                                                TokenBucketRateLimiter bucket) {
        long wait = decision.retryAfterSeconds();
        TokenBucketRateLimiter.Settings s = bucket.settings();
        return ApiProblem.api(429, "RATE_LIMITED_TOKEN_BUCKET", "Rate limit exceeded for " + path + ". Please retry after "
                        + wait + " seconds. Request capacity: " + s.capacity() + ". Refill rate: " + s.refill()
                        + " per " + s.refillSeconds() + " seconds.", path, wait, s.capacity(), s.refill(), s.refillSeconds())
                .header("Retry-After", Long.toString(wait));
    }

    /**
     * A fault of the service: 500 or 503, as an {@code ApiError}, or on the OAuth endpoints as the
     * OAuth error the documentation shows ({@code server_error}, "Unexpected error.").
     */
    public static ApiProblem fault(OperationRule operation, int status, Long retryAfterSeconds) {
        boolean oauth = operation != null && operation.authentication() == OperationRule.Authentication.CLIENT_BASIC;
        ApiProblem problem;
        if (status == 503) {
            problem = oauth ? ApiProblem.oauth(503, "temporarily_unavailable", "The service is temporarily unavailable.")
                    : ApiProblem.api(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable.");
        } else {
            problem = oauth ? ApiProblem.oauth(500, "server_error", "Unexpected error.")
                    : ApiProblem.api(500, "UNEXPECTED_ERROR", "Unexpected error.");
        }
        if (retryAfterSeconds != null) {
            problem.header("Retry-After", Long.toString(retryAfterSeconds));
        }
        return problem;
    }

    /** OAuth: unknown client or wrong secret (RFC 6749 section 5.2). */
    public static ApiProblem invalidClient() {
        return ApiProblem.oauth(401, "invalid_client", "Invalid client credentials.")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + DigestAuthenticator.REALM + "\"");
    }
}
