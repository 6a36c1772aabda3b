package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import io.github.atlascredentials.emulator.auth.TokenBucketRateLimiter;
import io.github.atlascredentials.emulator.http.Answers;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import java.util.Map;

/**
 * The rate limits of the API operations, counted once the caller is known. Atlas v2 operations use
 * a token bucket per endpoint set and scope (the organization or the project of the path) and answer
 * 429 {@code RATE_LIMITED_TOKEN_BUCKET}; Cloud Manager operations count per credential in fixed
 * one-minute windows and answer 429 {@code RATE_LIMITED}.
 */
public final class ApiRateLimitStep implements RequestStep {
    private final FixedWindowRateLimiter cloudManagerLimiter;
    private final TokenBucketRateLimiter atlasBuckets;

    public ApiRateLimitStep(FixedWindowRateLimiter cloudManagerLimiter, TokenBucketRateLimiter atlasBuckets) {
        this.cloudManagerLimiter = cloudManagerLimiter;
        this.atlasBuckets = atlasBuckets;
    }

    @Override
    public void apply(ApiRequest request) {
        if (request.principal() == null) {
            return;
        }
        if (request.operation().versioned()) {
            String path = request.operation().path();
            FixedWindowRateLimiter.Decision decision = atlasBuckets.acquire(bucketKey(path, request.pathParameters()));
            request.rateLimit(decision);
            if (!decision.allowed()) {
                throw Answers.tokenBucketLimited(path.substring(1), decision, atlasBuckets);
            }
            return;
        }
        FixedWindowRateLimiter.Decision decision = cloudManagerLimiter.acquire(
                request.principal().kind() + ":" + request.principal().id());
        request.rateLimit(decision);
        if (!decision.allowed()) {
            throw Answers.rateLimited(request.rawPath(), decision);
        }
    }

    /** The bucket of an Atlas v2 operation (its path template) for these path parameters. */
    public static String bucketKey(String pathTemplate, Map<String, String> pathParameters) {
        return scope(pathParameters) + "|" + pathTemplate;
    }

    /** The resource scope of the bucket: the project if the path names one, else the organization. */
    private static String scope(Map<String, String> pathParameters) {
        String group = pathParameters.get("groupId");
        return group != null ? "groups/" + group : "orgs/" + pathParameters.get("orgId");
    }
}
