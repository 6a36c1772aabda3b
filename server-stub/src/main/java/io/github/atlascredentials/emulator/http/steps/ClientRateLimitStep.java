package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import io.github.atlascredentials.emulator.http.Answers;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The per-client limit of the operations the spec marks with {@code x-rate-limit} (the token
 * endpoint), counted per client id and IP address before the credentials are even checked.
 */
public final class ClientRateLimitStep implements RequestStep {
    private final FixedWindowRateLimiter limiter;

    public ClientRateLimitStep(FixedWindowRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void apply(ApiRequest request) {
        if (request.operation().rateLimit() == null) {
            return;
        }
        BasicCredentials basic = BasicCredentials.parse(request.header(HttpHeaders.AUTHORIZATION));
        String ip = request.remoteAddress();
        FixedWindowRateLimiter.Decision decision = limiter.acquire(key(basic == null ? null : basic.clientId(), ip));
        request.rateLimit(decision);
        if (!decision.allowed()) {
            throw Answers.rateLimited(request.operation().path(), decision);
        }
    }

    /** The window of one client id (null: none presented) from one address (null: unknown). */
    public static String key(String clientId, String remoteAddress) {
        return (clientId == null ? "-" : clientId) + "|" + (remoteAddress == null ? "-" : remoteAddress);
    }
}
