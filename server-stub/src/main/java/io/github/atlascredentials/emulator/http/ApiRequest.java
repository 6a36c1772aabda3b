package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import io.github.atlascredentials.emulator.auth.Principal;
import io.github.atlascredentials.emulator.state.Organization;
import io.github.atlascredentials.emulator.state.StoredSecret;
import io.github.atlascredentials.spec.rules.OperationRule;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the request steps established about one request, carried in Jersey's request context (one
 * property) from step to step and on to the resource method and the response filter. Each step
 * fills in its part once: a second set of the same part fails ({@link IllegalStateException}), so
 * no step can overwrite what an earlier one established. Confined to the request's thread.
 */
public final class ApiRequest {
    private static final String PROPERTY = ApiRequest.class.getName();

    private final RouteTable.Match match;
    private final OperationRule operation;
    private final String baseUri;
    private static final byte[] NO_BODY = new byte[0];
    private static final int BODY = 1;
    private static final int JSON = 1 << 1;
    private static final int RESPONSE_MEDIA_TYPE = 1 << 2;
    private static final int PRINCIPAL = 1 << 3;
    private static final int ORGANIZATION = 1 << 4;
    private static final int CLIENT = 1 << 5;
    private static final int RATE_LIMIT = 1 << 6;
    private static final int FORM = 1 << 7;

    private final Supplier<String> remoteAddress;
    private final String contentType;
    private int assigned;
    private String resolvedRemoteAddress;
    private boolean remoteAddressResolved;
    private byte[] body = NO_BODY;
    private JsonNode json;
    private String responseMediaType = MediaType.APPLICATION_JSON;
    private Principal principal;
    private Organization organization;
    private OAuthClient client;
    private FixedWindowRateLimiter.Decision rateLimit;
    private Map<String, List<String>> form = Map.of();

    /** The service account that authenticated with HTTP Basic on an OAuth endpoint, and the secret it used. */
    public record OAuthClient(String clientId, StoredSecret secret, boolean secretExpired) {
        @Override
        public String toString() {
            return "OAuthClient[clientId=" + clientId + "]";
        }
    }

    private ApiRequest(
            RouteTable.Match match,
            OperationRule operation,
            String baseUri,
            Supplier<String> remoteAddress,
            String contentType) {
        this.match = match;
        this.operation = operation;
        this.baseUri = baseUri;
        this.remoteAddress = remoteAddress;
        this.contentType = contentType;
    }

    public static ApiRequest begin(
            ContainerRequestContext ctx,
            RouteTable.Match match,
            OperationRule operation,
            String baseUri,
            String remoteAddress) {
        return begin(ctx, match, operation, baseUri, () -> remoteAddress);
    }

    /**
     * As {@link #begin(ContainerRequestContext, RouteTable.Match, OperationRule, String, String)}, with the peer's
     * address looked up only if a step asks for it (on Grizzly the look-up goes through the injection manager,
     * which cost about 6 % of the CPU of every request while only the token endpoint's rate limit needs it).
     */
    public static ApiRequest begin(
            ContainerRequestContext ctx,
            RouteTable.Match match,
            OperationRule operation,
            String baseUri,
            Supplier<String> remoteAddress) {
        // A repeated Content-Type is read as its first value (the header is left as sent).
        ApiRequest request = new ApiRequest(
                match, operation, baseUri, remoteAddress, ctx.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
        ctx.setProperty(PROPERTY, request);
        return request;
    }

    /** The request's data, or null when no step ran (a path outside the route table). */
    public static ApiRequest of(ContainerRequestContext ctx) {
        return (ApiRequest) ctx.getProperty(PROPERTY);
    }

    /** The spec operation, or null for test-support paths. */
    public OperationRule operation() {
        return operation;
    }

    public boolean isApiOperation() {
        return operation != null;
    }

    public Map<String, String> pathParameters() {
        return match.pathParameters();
    }

    public RouteTable.Match match() {
        return match;
    }

    /** Scheme, host and port, without a trailing slash, for links in answers. */
    public String baseUri() {
        return baseUri;
    }

    /** The request's {@code Content-Type} as sent (its first value when repeated), or null. */
    public String contentType() {
        return contentType;
    }

    /** The peer's IP address, or null when not running on Grizzly. */
    public String remoteAddress() {
        if (!remoteAddressResolved) {
            resolvedRemoteAddress = remoteAddress.get();
            remoteAddressResolved = true;
        }
        return resolvedRemoteAddress;
    }

    public byte[] body() {
        return body;
    }

    public void body(byte[] bytes) {
        assign(BODY, "body");
        this.body = bytes;
    }

    /** The body as parsed and validated, or null when the operation takes no JSON body. */
    public JsonNode json() {
        return json;
    }

    public void json(JsonNode tree) {
        assign(JSON, "json");
        this.json = tree;
    }

    /** The form fields of a form body, decoded, in the order sent; empty for other operations. */
    public Map<String, List<String>> form() {
        return form;
    }

    public void form(Map<String, List<String>> fields) {
        assign(FORM, "form");
        this.form = Map.copyOf(fields);
    }

    public String responseMediaType() {
        return responseMediaType;
    }

    public void responseMediaType(String mediaType) {
        assign(RESPONSE_MEDIA_TYPE, "responseMediaType");
        this.responseMediaType = mediaType;
    }

    public Principal principal() {
        return principal;
    }

    public void principal(Principal who) {
        assign(PRINCIPAL, "principal");
        this.principal = who;
    }

    /** The organization the request acts in (the project's organization for project paths). */
    public Organization organization() {
        return organization;
    }

    public void organization(Organization org) {
        assign(ORGANIZATION, "organization");
        this.organization = org;
    }

    public OAuthClient client() {
        return client;
    }

    public void client(OAuthClient oauthClient) {
        assign(CLIENT, "client");
        this.client = oauthClient;
    }

    public FixedWindowRateLimiter.Decision rateLimit() {
        return rateLimit;
    }

    public void rateLimit(FixedWindowRateLimiter.Decision decision) {
        assign(RATE_LIMIT, "rateLimit");
        this.rateLimit = decision;
    }

    private void assign(int part, String name) {
        if ((assigned & part) != 0) {
            throw new IllegalStateException(
                    "the request's " + name + " is set once, by one step; a second step set it again");
        }
        assigned |= part;
    }
}
