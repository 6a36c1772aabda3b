package io.github.atlascredentials.emulator.admin;

import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.http.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.glassfish.grizzly.http.server.Request;

/**
 * Guards everything under {@code /_emulator/} before any other filter (the request gate has
 * priority 1) sees the request, so a refused request changes nothing. With {@link TestSupportAccess#ADMIN_TOKEN}
 * it wants {@code Authorization: Bearer <admin token>} (401 otherwise) except on {@code GET /_emulator/health};
 * wrong tokens count against a per-address limit, and once it is reached every attempt from that
 * address gets 429 until the window ends, the right token included (else the limit would still
 * confirm a lucky guess). The Pact state-change URL ({@code /_emulator/pact/provider-states}) also takes the
 * token as the query parameter {@code token}, since verifiers send no custom header there. With
 * {@link TestSupportAccess#DISABLED} the paths do not exist (404).
 */
@PreMatching
@Priority(0)
public final class TestSupportGuard implements ContainerRequestFilter {
    private static final String PREFIX = "/_emulator/";
    /** The Pact state-change path, which also takes the token as {@code ?token=}. */
    private static final List<String> PROVIDER_STATES = List.of("_emulator", "pact", "provider-states");

    public static final String TOKEN_PARAMETER = "token";

    private final TestSupportAccess access;
    private final AdminToken token;
    private final FixedWindowRateLimiter wrongTokens;

    @Context
    private Provider<Request> grizzlyRequest;

    /** {@code token} may be null: then no token opens the endpoints over HTTP (in-process calls still work). */
    public TestSupportGuard(TestSupportAccess access, AdminToken token, FixedWindowRateLimiter wrongTokens) {
        this.access = access;
        this.token = token;
        this.wrongTokens = wrongTokens;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (access == TestSupportAccess.OPEN) {
            return;
        }
        List<String> segments = segments(ctx.getUriInfo().getPath(true));
        // Any path whose first segment looks like _emulator is guarded: a superset of what routes there.
        if (segments.isEmpty() || !segments.get(0).startsWith("_emulator")) {
            return;
        }
        String rawPath = ctx.getUriInfo().getRequestUri().getRawPath();
        if (access == TestSupportAccess.DISABLED) {
            ctx.abortWith(ApiProblem.of(ErrorCode.RESOURCE_NOT_FOUND, rawPath).toResponse());
            return;
        }
        if (segments.equals(List.of("_emulator", "health"))) {
            return; // liveness probes need no token; the resource then answers only {"status":"UP"}
        }
        String key = "admin|" + remoteAddress();
        FixedWindowRateLimiter.Decision before = wrongTokens.peek(key);
        if (!before.allowed()) {
            ctx.abortWith(rateLimited(before).toResponse());
            return;
        }
        String authorization = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = bearer(authorization);
        if (presented == null && segments.equals(PROVIDER_STATES)) {
            // A Pact verifier sends no header of ours to its state-change URL: the token may ride in the URL.
            presented = ctx.getUriInfo().getQueryParameters().getFirst(TOKEN_PARAMETER);
        }
        if (token != null && token.matches(presented)) {
            return;
        }
        if (authorization != null || presented != null) {
            FixedWindowRateLimiter.Decision counted = wrongTokens.acquire(key);
            if (!counted.allowed()) {
                ctx.abortWith(rateLimited(counted).toResponse());
                return;
            }
        }
        // The answer never echoes what was presented.
        ctx.abortWith(ApiProblem.of(ErrorCode.USER_UNAUTHORIZED_ADMIN_TOKEN_REQUIRED, PREFIX)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"atlas-emulator-test-support\"")
                .toResponse());
    }

    /** Decoded path segments without matrix parameters or empty segments, lower case. */
    private static List<String> segments(String decodedPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : decodedPath.split("/")) {
            int matrix = segment.indexOf(';');
            String name = (matrix >= 0 ? segment.substring(0, matrix) : segment).toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                segments.add(name);
            }
        }
        return segments;
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String trimmed = authorization.trim();
        return trimmed.regionMatches(true, 0, "Bearer ", 0, 7)
                ? trimmed.substring(7).trim()
                : null;
    }

    private static ApiProblem rateLimited(FixedWindowRateLimiter.Decision decision) {
        return ApiProblem.of(ErrorCode.RATE_LIMITED_WRONG_ADMIN_TOKENS, PREFIX, decision.limit(), 1)
                .header("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }

    private String remoteAddress() {
        try {
            return grizzlyRequest == null ? "-" : grizzlyRequest.get().getRemoteAddr();
        } catch (RuntimeException e) {
            return "-"; // not running on Grizzly: one window for every caller
        }
    }
}
