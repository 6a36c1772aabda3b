package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.emulator.Roles;
import io.github.atlascredentials.emulator.auth.DigestAuthenticator;
import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import io.github.atlascredentials.emulator.auth.Principal;
import io.github.atlascredentials.emulator.auth.TokenService;
import io.github.atlascredentials.emulator.state.EmulatorState;
import io.github.atlascredentials.emulator.state.Organization;
import io.github.atlascredentials.emulator.state.Project;
import io.github.atlascredentials.emulator.state.ServiceAccount;
import io.github.atlascredentials.emulator.state.StoredApiKey;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every request before JAX-RS matching, in a fixed order: path (404), method (405), body size
 * (413), query parameters, path parameters, Content-Type (415), Atlas version (406), credentials (401),
 * rate limit (429), organization/project and roles (404/403/401), then the body (400). Only requests
 * that pass reach the resource methods, which then apply the business rules.
 */
@PreMatching
@Priority(1)
public final class RequestGate implements ContainerRequestFilter {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final String PROPERTY_OPERATION = "atlas.emulator.operation";
    public static final String PROPERTY_RATE_LIMIT = "atlas.emulator.rateLimit";

    private static final Pattern OBJECT_ID = Pattern.compile("^([a-f0-9]{24})$");
    private static final Pattern CLIENT_ID = Pattern.compile("^mdb_sa_id_[a-fA-F\\d]{24}$");
    private static final Pattern INTEGER = Pattern.compile("^[+-]?\\d{1,10}$");
    private static final String FORM = "application/x-www-form-urlencoded";

    private final EmulatorState state;
    private final TokenService tokens;
    private final DigestAuthenticator digest;
    private final FixedWindowRateLimiter tokenLimiter;
    private final FixedWindowRateLimiter apiLimiter;
    @jakarta.ws.rs.core.Context
    private jakarta.inject.Provider<org.glassfish.grizzly.http.server.Request> grizzlyRequest;

    public RequestGate(EmulatorState state, TokenService tokens, DigestAuthenticator digest,
                       FixedWindowRateLimiter tokenLimiter, FixedWindowRateLimiter apiLimiter) {
        this.state = state;
        this.tokens = tokens;
        this.digest = digest;
        this.tokenLimiter = tokenLimiter;
        this.apiLimiter = apiLimiter;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        Exchange exchange = Exchange.begin();
        try {
            check(ctx, exchange);
        } catch (ApiProblem problem) {
            ctx.abortWith(problem.toResponse());
        }
    }

    private void check(ContainerRequestContext ctx, Exchange exchange) {
        URI requestUri = ctx.getUriInfo().getRequestUri();
        String rawPath = requestUri.getRawPath();
        Operation.Match match = Operation.match(rawPath).orElseThrow(() -> notFound(rawPath));
        Operation op = match.operation();
        ctx.setProperty(PROPERTY_OPERATION, op);
        if (!op.methods().contains(ctx.getMethod())) {
            throw methodNotAllowed(ctx.getMethod(), rawPath, op);
        }
        if (!match.canonicalPath().equals(rawPath)) {
            ctx.setRequestUri(ctx.getUriInfo().getBaseUri(),
                    UriBuilder.fromUri(requestUri).replacePath(match.canonicalPath()).build());
        }
        exchange.baseUri = stripSlash(ctx.getUriInfo().getBaseUri().toString());
        byte[] body = readBody(ctx);
        switch (op.family()) {
            case ATLAS, CLOUD_MANAGER -> checkApi(ctx, exchange, match, body);
            case OAUTH -> checkOAuth(ctx, exchange, body);
            case TEST_SUPPORT -> { }
        }
    }

    private void checkApi(ContainerRequestContext ctx, Exchange exchange, Operation.Match match, byte[] body) {
        Operation op = match.operation();
        boolean atlas = op.family() == Operation.Family.ATLAS;
        MultivaluedMap<String, String> query = ctx.getUriInfo().getQueryParameters();
        checkBoolean(query, "envelope");
        checkBoolean(query, "pretty");
        if (!atlas) {
            checkInteger(query, "pageNum", 1, Integer.MAX_VALUE);
            checkInteger(query, "itemsPerPage", 1, 500);
        }
        checkPathParameters(match);
        checkContentType(ctx, atlas);
        if (atlas) {
            exchange.responseMediaType = VersionNegotiator.negotiate(ctx.getHeaderString(HttpHeaders.ACCEPT),
                    ctx.getHeaderString(HttpHeaders.CONTENT_TYPE));
        } else {
            exchange.responseMediaType = MediaType.APPLICATION_JSON;
        }
        // JAX-RS matching then sees exactly what the resource declares.
        ctx.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, exchange.responseMediaType);

        Principal principal = authenticate(ctx);
        exchange.principal = principal;
        FixedWindowRateLimiter.Decision decision = apiLimiter.acquire(principal.kind() + ":" + principal.id());
        ctx.setProperty(PROPERTY_RATE_LIMIT, decision);
        if (!decision.allowed()) {
            throw rateLimited(ctx.getUriInfo().getRequestUri().getRawPath(), decision);
        }
        Map<String, String> path = match.pathParameters();
        switch (op) {
            case CREATE_ORG_SECRET, CREATE_CLOUD_MANAGER_SECRET -> {
                Organization org = orgOwnerOf(principal, path.get("orgId"));
                targetAccount(org.id(), path.get("clientId"), null);
                exchange.organization = org;
                JsonNode tree = exchange.parsedBody(body);
                exchange.secretExpiresAfterHours = atlas
                        ? RequestBodies.atlasHours(tree, org.maxServiceAccountSecretValidityInHours())
                        : RequestBodies.cloudManagerHours(tree);
            }
            case CREATE_GROUP_SECRET -> {
                String groupId = path.get("groupId");
                Project project = state.project(groupId).orElseThrow(() -> ApiProblem.api(404, "GROUP_NOT_FOUND",
                        "Cannot find project " + groupId + ".", groupId));
                if (!principal.orgId().equals(project.orgId())) {
                    throw forbidden(groupId, "project");
                }
                if (!principal.hasOrgRole(Roles.ORG_OWNER) && !principal.hasProjectRole(groupId, Roles.GROUP_OWNER)) {
                    throw ApiProblem.api(401, "NOT_ORG_OWNER", "The credential is neither Project Owner of project "
                            + groupId + " nor Organization Owner of its organization.", groupId);
                }
                Organization org = state.organization(project.orgId()).orElseThrow();
                targetAccount(org.id(), path.get("clientId"), groupId);
                exchange.organization = org;
                exchange.secretExpiresAfterHours = RequestBodies.atlasHours(exchange.parsedBody(body),
                        org.maxServiceAccountSecretValidityInHours());
            }
            case CREATE_API_KEY -> {
                exchange.organization = orgOwnerOf(principal, path.get("orgId"));
                exchange.apiKeyInput = RequestBodies.apiKey(exchange.parsedBody(body));
            }
            default -> throw new IllegalStateException("not an API operation: " + op);
        }
    }

    static ApiProblem notFound(String rawPath) {
        return ApiProblem.api(404, "RESOURCE_NOT_FOUND", "Cannot find resource " + rawPath + ".", rawPath);
    }

    static ApiProblem methodNotAllowed(String method, String rawPath, Operation op) {
        return ApiProblem.api(405, "METHOD_NOT_ALLOWED", "Method " + method + " is not allowed on " + rawPath + ".", method)
                .header("Allow", String.join(", ", op.methods()));
    }

    static void checkPathParameters(Operation.Match match) {
        for (Map.Entry<String, String> p : match.pathParameters().entrySet()) {
            Pattern pattern = p.getKey().equals("clientId") ? CLIENT_ID : OBJECT_ID;
            if (!pattern.matcher(p.getValue()).matches()) {
                throw ApiProblem.api(400, "INVALID_PATH_PARAMETER", "Invalid path parameter " + p.getKey()
                        + ": it must match " + pattern.pattern() + ".", p.getKey());
            }
        }
    }

    private Organization orgOwnerOf(Principal principal, String orgId) {
        Organization org = state.organization(orgId).orElseThrow(() -> ApiProblem.api(404, "ORG_NOT_FOUND",
                "Cannot find organization " + orgId + ".", orgId));
        if (!principal.orgId().equals(orgId)) {
            throw forbidden(orgId, "organization");
        }
        if (!principal.hasOrgRole(Roles.ORG_OWNER)) {
            throw ApiProblem.api(401, "NOT_ORG_OWNER", "The credential is not an Organization Owner of organization "
                    + orgId + ".", orgId);
        }
        return org;
    }

    private void targetAccount(String orgId, String clientId, String projectId) {
        ServiceAccount sa = state.serviceAccount(clientId)
                .filter(a -> a.orgId().equals(orgId))
                .filter(a -> projectId == null || a.projectRoles().containsKey(projectId))
                .orElseThrow(() -> ApiProblem.api(404, "RESOURCE_NOT_FOUND", "Cannot find resource " + clientId + ".", clientId));
        if (sa == null) {
            throw new IllegalStateException();
        }
    }

    private static ApiProblem forbidden(String id, String what) {
        return ApiProblem.api(403, "ACCESS_FORBIDDEN", "The credential has no access to " + what + " " + id + ".", id);
    }

    private Principal authenticate(ContainerRequestContext ctx) {
        String authorization = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            String trimmed = authorization.trim();
            if (startsWithIgnoreCase(trimmed, "Bearer ")) {
                String token = trimmed.substring(7).trim();
                var clientId = tokens.authenticate(token);
                var account = clientId.flatMap(state::serviceAccount);
                if (account.isPresent()) {
                    ServiceAccount sa = account.get();
                    return new Principal(Principal.Kind.SERVICE_ACCOUNT, sa.clientId(), sa.orgId(), sa.roles(), sa.projectRoles());
                }
            } else if (startsWithIgnoreCase(trimmed, "Digest ")) {
                URI uri = ctx.getUriInfo().getRequestUri();
                String target = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
                DigestAuthenticator.Outcome outcome = digest.authenticate(ctx.getMethod(), target,
                        originalPath(ctx), trimmed.substring(7));
                if (outcome instanceof DigestAuthenticator.Authenticated ok) {
                    StoredApiKey key = ok.key();
                    return new Principal(Principal.Kind.API_KEY, key.publicKey(), key.orgId(), Set.copyOf(key.roles()), Map.of());
                }
                throw unauthorized(((DigestAuthenticator.Refused) outcome).stale());
            }
        }
        throw unauthorized(false);
    }

    private static String originalPath(ContainerRequestContext ctx) {
        return ctx.getUriInfo().getRequestUri().getRawPath();
    }

    private ApiProblem unauthorized(boolean stale) {
        return ApiProblem.api(401, "USER_UNAUTHORIZED", "You are not authorized for this resource.")
                .header(HttpHeaders.WWW_AUTHENTICATE, digest.challenge(stale));
    }

    private void checkOAuth(ContainerRequestContext ctx, Exchange exchange, byte[] body) {
        String ip = remoteAddress();
        BasicCredentials basic = BasicCredentials.parse(ctx.getHeaderString(HttpHeaders.AUTHORIZATION));
        Operation op = (Operation) ctx.getProperty(PROPERTY_OPERATION);
        if (op == Operation.TOKEN) {
            String key = (basic == null ? "-" : basic.clientId()) + "|" + (ip == null ? "-" : ip);
            FixedWindowRateLimiter.Decision decision = tokenLimiter.acquire(key);
            ctx.setProperty(PROPERTY_RATE_LIMIT, decision);
            if (!decision.allowed()) {
                throw rateLimited("/api/oauth/token", decision);
            }
        }
        String contentType = ctx.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !FORM.equalsIgnoreCase(contentType.split(";", 2)[0].trim())) {
            throw ApiProblem.oauth(400, "invalid_request", "The request must be application/x-www-form-urlencoded.");
        }
        if (!decodableForm(body)) {
            throw ApiProblem.oauth(400, "invalid_request", "The form body is malformed.");
        }
        if (basic == null) {
            throw invalidClient();
        }
        EmulatorState.SecretMatch match = state.checkSecret(basic.clientId(), basic.secret());
        if (match.check() == EmulatorState.SecretCheck.UNKNOWN
                || (op == Operation.REVOKE && match.check() == EmulatorState.SecretCheck.EXPIRED)) {
            throw invalidClient();
        }
        exchange.clientId = basic.clientId();
        exchange.clientSecret = match.secret();
        exchange.clientSecretExpired = match.check() == EmulatorState.SecretCheck.EXPIRED;
        ctx.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, FORM);
        ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
    }

    private String remoteAddress() {
        try {
            return grizzlyRequest == null ? null : grizzlyRequest.get().getRemoteAddr();
        } catch (RuntimeException e) {
            return null; // not running on Grizzly: rate limit per client only
        }
    }

    private static ApiProblem invalidClient() {
        return ApiProblem.oauth(401, "invalid_client", "Invalid client credentials.")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + DigestAuthenticator.REALM + "\"");
    }

    private static ApiProblem rateLimited(String resource, FixedWindowRateLimiter.Decision decision) {
        return ApiProblem.api(429, "RATE_LIMITED", "Resource " + resource + " is limited to " + decision.limit()
                        + " requests every 1 minutes.", resource, decision.limit(), 1)
                .header("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }

    private static void checkContentType(ContainerRequestContext ctx, boolean atlas) {
        String header = ctx.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String type = header == null ? "" : header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean accepted = type.equals(MediaType.APPLICATION_JSON) || (atlas && VersionNegotiator.isVersioned(type));
        if (!accepted) {
            String shown = header == null ? "(none)" : header;
            throw ApiProblem.api(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type " + shown + " is not supported.", shown);
        }
    }

    private static void checkBoolean(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null) {
            return;
        }
        for (String v : values) {
            if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
                throw invalidQuery(name, "must be true or false");
            }
        }
    }

    private static void checkInteger(MultivaluedMap<String, String> query, String name, long min, long max) {
        List<String> values = query.get(name);
        if (values == null) {
            return;
        }
        for (String v : values) {
            if (!INTEGER.matcher(v).matches() || Long.parseLong(v) < min || Long.parseLong(v) > max) {
                throw invalidQuery(name, max == Integer.MAX_VALUE ? "must be an integer of at least " + min
                        : "must be an integer between " + min + " and " + max);
            }
        }
    }

    static ApiProblem invalidQuery(String name, String rule) {
        return ApiProblem.api(400, "INVALID_QUERY_PARAMETER", "Invalid query parameter " + name + ": it " + rule + ".", name);
    }

    /** Reads at most 64 KiB (413 beyond) and puts the bytes back for JAX-RS. */
    private static byte[] readBody(ContainerRequestContext ctx) {
        String length = ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        int expected = 8192;
        if (length != null) {
            try {
                long declared = Long.parseLong(length.trim());
                if (declared > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
                if (declared >= 0) {
                    expected = (int) declared + 1; // small bodies (the usual case) need one small buffer
                }
            } catch (NumberFormatException e) {
                // Grizzly rejects malformed lengths itself; count the bytes instead.
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(expected);
        try (InputStream in = ctx.getEntityStream()) {
            byte[] buffer = new byte[Math.min(expected, 8192)];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
            }
        } catch (IOException e) {
            throw ApiProblem.api(400, "MALFORMED_JSON", "The request body could not be read.");
        }
        byte[] body = out.toByteArray();
        ctx.setEntityStream(new ByteArrayInputStream(body));
        return body;
    }

    private static ApiProblem tooLarge() {
        return ApiProblem.api(413, "REQUEST_TOO_LARGE", "The request body exceeds " + MAX_BODY_BYTES + " bytes.",
                MAX_BODY_BYTES);
    }

    private static boolean decodableForm(byte[] body) {
        String form = new String(body, StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            try {
                URLDecoder.decode(pair, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** HTTP Basic client id and secret; the secret never appears in {@code toString()}. */
    record BasicCredentials(String clientId, String secret) {
        static BasicCredentials parse(String header) {
            if (header == null || !startsWithIgnoreCase(header.trim(), "Basic ")) {
                return null;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.trim().substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon <= 0) {
                    return null;
                }
                // RFC 6749 2.3.1: client id and secret are form-encoded before Basic encoding.
                return new BasicCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return "BasicCredentials[clientId=" + clientId + ", secret=****]";
        }
    }
}
