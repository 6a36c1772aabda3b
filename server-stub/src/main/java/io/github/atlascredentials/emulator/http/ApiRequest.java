package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import io.github.atlascredentials.emulator.auth.Principal;
import io.github.atlascredentials.emulator.state.Organization;
import io.github.atlascredentials.emulator.state.StoredSecret;
import io.github.atlascredentials.spec.rules.OperationRule;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.glassfish.jersey.uri.UriComponent;

/**
 * One API request as sent ({@link RequestHead}) and what the request steps established about it, carried from
 * step to step and on to the resource method and the response finisher. Each step fills in its part once: a second
 * set of the same part fails ({@link IllegalStateException}), so no step can overwrite what an earlier one
 * established. Confined to the request's thread.
 */
public final class ApiRequest {
    /** The request a resource method serves: the generated interfaces fix its parameters, so it cannot be passed. */
    private static final ThreadLocal<ApiRequest> SERVING = new ThreadLocal<>();

    private final RequestHead head;
    private final RouteTable.Match match;
    private final OperationRule operation;
    private static final byte[] NO_BODY = new byte[0];
    private static final int BODY = 1;
    private static final int JSON = 1 << 1;
    private static final int RESPONSE_MEDIA_TYPE = 1 << 2;
    private static final int PRINCIPAL = 1 << 3;
    private static final int ORGANIZATION = 1 << 4;
    private static final int CLIENT = 1 << 5;
    private static final int RATE_LIMIT = 1 << 6;
    private static final int FORM = 1 << 7;

    private final String contentType;
    private int assigned;
    private MultivaluedMap<String, String> query;
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

    private ApiRequest(RequestHead head, RouteTable.Match match, OperationRule operation) {
        this.head = head;
        this.match = match;
        this.operation = operation;
        // A repeated Content-Type is read as its first value (the header is left as sent).
        this.contentType = head.firstHeader(HttpHeaders.CONTENT_TYPE);
    }

    public static ApiRequest begin(RequestHead head, RouteTable.Match match, OperationRule operation) {
        return new ApiRequest(head, match, operation);
    }

    /** Runs a resource method for this request: {@link #current()} gives it this request meanwhile. */
    public <T> T serve(Supplier<T> resourceMethod) {
        ApiRequest outer = SERVING.get();
        SERVING.set(this);
        try {
            return resourceMethod.get();
        } finally {
            if (outer == null) {
                SERVING.remove();
            } else {
                SERVING.set(outer);
            }
        }
    }

    /** The request the calling resource method serves. */
    public static ApiRequest current() {
        ApiRequest request = SERVING.get();
        if (request == null) {
            throw new IllegalStateException("the request did not pass the request pipeline");
        }
        return request;
    }

    public String method() {
        return head.method();
    }

    /** The path as sent, not decoded. */
    public String rawPath() {
        return head.rawPath();
    }

    /** The query as sent, or null when there is none. */
    public String rawQuery() {
        return head.rawQuery();
    }

    /** Every value of a header joined with {@code ","}; null when absent. */
    public String header(String name) {
        return head.header(name);
    }

    /** The request's body as sent; the body step reads it once. */
    public InputStream bodyStream() {
        return head.body();
    }

    /** The query's parameters, decoded as JAX-RS decodes them; null when the request has no query. */
    public MultivaluedMap<String, String> query() {
        if (query == null && head.rawQuery() != null) {
            query = UriComponent.decodeQuery(head.rawQuery(), true);
        }
        return query;
    }

    /** The spec operation. */
    public OperationRule operation() {
        return operation;
    }

    public Map<String, String> pathParameters() {
        return match.pathParameters();
    }

    public RouteTable.Match match() {
        return match;
    }

    /** Scheme, host and port, without a trailing slash, for links in answers. */
    public String baseUri() {
        return head.baseUri();
    }

    /** The request's {@code Content-Type} as sent (its first value when repeated), or null. */
    public String contentType() {
        return contentType;
    }

    /** The peer's IP address, or null when unknown. */
    public String remoteAddress() {
        return head.remoteAddress();
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
