package io.github.atlascredentials.emulator.http;

import io.github.atlascredentials.emulator.auth.DigestAuthenticator;
import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import io.github.atlascredentials.emulator.auth.TokenBucketRateLimiter;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.generated.errors.OAuthErrorCode;
import io.github.atlascredentials.spec.rules.OperationRule;
import jakarta.ws.rs.core.HttpHeaders;

/** The answers more than one step (or the Grizzly-level guards) give, worded once. */
public final class Answers {
    private Answers() {}

    public static ApiProblem notFound(String rawPath) {
        return ApiProblem.of(ErrorCode.RESOURCE_NOT_FOUND, rawPath);
    }

    public static ApiProblem methodNotAllowed(String method, String rawPath, Route route) {
        return ApiProblem.of(ErrorCode.METHOD_NOT_ALLOWED, method, rawPath)
                .header("Allow", String.join(", ", route.methods()));
    }

    public static ApiProblem invalidQuery(String name, String rule) {
        return ApiProblem.of(ErrorCode.INVALID_QUERY_PARAMETER, name, rule);
    }

    /** An invalid query parameter: on the OAuth endpoints an OAuth {@code invalid_request}, as all their errors. */
    public static ApiProblem invalidQuery(OperationRule operation, String name, String rule) {
        if (operation != null && operation.authentication() == OperationRule.Authentication.CLIENT_BASIC) {
            return ApiProblem.oauth(OAuthErrorCode.INVALID_REQUEST, "query parameter " + name + " " + rule + ".");
        }
        return invalidQuery(name, rule);
    }

    public static ApiProblem invalidPathParameter(String name, String rule) {
        return ApiProblem.of(ErrorCode.INVALID_PATH_PARAMETER, name, rule);
    }

    public static ApiProblem rateLimited(String resource, FixedWindowRateLimiter.Decision decision) {
        return ApiProblem.of(ErrorCode.RATE_LIMITED, resource, decision.limit(), 1)
                .header("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }

    /**
     * The Atlas v2 limit (the rate-limit documentation's shape): {@code parameters} are
     * {@code [path, retryAfter, capacity, refill, seconds]}.
     */
    public static ApiProblem tokenBucketLimited(
            String path, FixedWindowRateLimiter.Decision decision, TokenBucketRateLimiter bucket) {
        long wait = decision.retryAfterSeconds();
        TokenBucketRateLimiter.Settings s = bucket.settings();
        return ApiProblem.of(
                        ErrorCode.RATE_LIMITED_TOKEN_BUCKET, path, wait, s.capacity(), s.refill(), s.refillSeconds())
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
            problem = oauth
                    ? ApiProblem.oauth(OAuthErrorCode.TEMPORARILY_UNAVAILABLE)
                    : ApiProblem.of(ErrorCode.SERVICE_UNAVAILABLE);
        } else {
            problem = oauth ? ApiProblem.oauth(OAuthErrorCode.SERVER_ERROR) : ApiProblem.of(ErrorCode.UNEXPECTED_ERROR);
        }
        if (retryAfterSeconds != null) {
            problem.header("Retry-After", Long.toString(retryAfterSeconds));
        }
        return problem;
    }

    /** OAuth: unknown client or wrong secret (RFC 6749 section 5.2). */
    public static ApiProblem invalidClient() {
        return ApiProblem.oauth(OAuthErrorCode.INVALID_CLIENT)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + DigestAuthenticator.REALM + "\"");
    }
}
