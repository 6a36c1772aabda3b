package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import io.github.atlascredentials.emulator.http.Answers;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The per-credential limit of the API operations, counted once the caller is known. */
public final class ApiRateLimitStep implements RequestStep {
    private final FixedWindowRateLimiter limiter;

    public ApiRateLimitStep(FixedWindowRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void apply(ApiRequest request, ContainerRequestContext ctx) {
        if (request.principal() == null) {
            return;
        }
        FixedWindowRateLimiter.Decision decision = limiter.acquire(request.principal().kind() + ":" + request.principal().id());
        request.rateLimit(decision);
        if (!decision.allowed()) {
            throw Answers.rateLimited(ctx.getUriInfo().getRequestUri().getRawPath(), decision);
        }
    }
}
