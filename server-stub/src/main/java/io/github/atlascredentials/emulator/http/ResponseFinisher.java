package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.generated.model.ApiError;
import io.github.atlascredentials.emulator.generated.model.Envelope;
import io.github.atlascredentials.spec.rules.OperationRule;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last step of every response: the standard headers, then {@code envelope=true} and
 * {@code pretty=true}, and the JSON bytes.
 */
@Priority(1)
public final class ResponseFinisher implements ContainerResponseFilter {
    private static final ObjectWriter COMPACT = Json.MAPPER.writer();
    private static final ObjectWriter PRETTY = Json.MAPPER.writerWithDefaultPrettyPrinter();

    /** Parsed once: the negotiated types are the spec's versioned types and application/json, a handful. */
    private static final Map<String, MediaType> NEGOTIATED = new ConcurrentHashMap<>();

    private final String serviceVersion;

    public ResponseFinisher(String serviceVersion) {
        this.serviceVersion = serviceVersion;
    }

    /**
     * A fault on the OAuth endpoints (an unexpected exception mapped to an {@code ApiError}) is
     * answered as the documentation shows: {@code {"error":"server_error","error_description":"Unexpected error."}}.
     */
    private static void oauthShapedFault(ApiRequest api, ContainerResponseContext response) {
        if (api != null
                && api.operation().authentication() == OperationRule.Authentication.CLIENT_BASIC
                && (response.getStatus() == 500 || response.getStatus() == 503)
                && response.getEntity() instanceof ApiError) {
            ApiProblem oauth = Answers.fault(api.operation(), response.getStatus(), null);
            response.setEntity(oauth.body(), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /**
     * A successful API answer is written in the media type the version step negotiated (the resources do not
     * repeat it); errors and test-support answers keep the type they were built with.
     */
    private static MediaType mediaTypeOf(ApiRequest api, ContainerResponseContext response) {
        if (api != null && api.isApiOperation() && response.getStatus() < 300) {
            return NEGOTIATED.computeIfAbsent(api.responseMediaType(), MediaType::valueOf);
        }
        return response.getMediaType() != null ? response.getMediaType() : MediaType.APPLICATION_JSON_TYPE;
    }

    private static boolean isTrue(MultivaluedMap<String, String> query, String name) {
        List<String> values = query == null ? null : query.get(name);
        return values != null && !values.isEmpty() && "true".equalsIgnoreCase(values.get(0));
    }

    /**
     * The official spec declares a list's page its own envelope ("Endpoints that return a list of results use the
     * results object as an envelope. Application adds the status parameter to the response body."); every other
     * answer is wrapped as {@code {"status", "content"}}.
     */
    private static Object enveloped(ApiRequest api, int status, Object entity) {
        if (status < 300 && "GET".equals(api.operation().method())) {
            JsonNode content = entity instanceof JsonNode node ? node : Json.MAPPER.valueToTree(entity);
            if (content instanceof ObjectNode page && page.path("results").isArray()) {
                return page.deepCopy().put("status", status);
            }
        }
        return new Envelope().status(status).content(entity);
    }

    /**
     * An answer without a body (a 204 delete). The official spec declares the versioned media type on the 204 of
     * the Atlas deletes, so it is sent as {@code Content-Type}; with {@code envelope=true} the answer is 200
     * {@code {"status": 204}}.
     */
    private static void finishEmpty(ApiRequest api, ContainerResponseContext response, boolean envelope)
            throws JsonProcessingException {
        if (api == null || !api.isApiOperation() || response.getStatus() >= 300) {
            return;
        }
        MediaType type = mediaTypeOf(api, response);
        if (envelope) {
            Envelope wrapped = new Envelope().status(response.getStatus());
            response.setStatus(200);
            response.setEntity(COMPACT.writeValueAsBytes(wrapped), null, type);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type.toString());
        } else if (VersionNegotiator.isVersioned(api.responseMediaType())) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type.toString());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            response.getHeaders().putSingle("X-MongoDB-Service-Version", serviceVersion);
            response.getHeaders().putSingle("Strict-Transport-Security", "max-age=300");
            ApiRequest api = ApiRequest.of(request);
            oauthShapedFault(api, response);
            FixedWindowRateLimiter.Decision d = api == null ? null : api.rateLimit();
            if (d != null) {
                response.getHeaders().putSingle("RateLimit-Limit", Integer.toString(d.limit()));
                response.getHeaders().putSingle("RateLimit-Remaining", Integer.toString(d.remaining()));
            }
            Object entity = response.getEntity();
            if (entity instanceof byte[] || entity instanceof String) {
                return;
            }
            // Most requests have no query at all: then there is nothing to parse.
            MultivaluedMap<String, String> query =
                    request.getUriInfo().getRequestUri().getRawQuery() == null
                            ? null
                            : request.getUriInfo().getQueryParameters();
            // Only operations whose spec declares the envelope parameter wrap their answers.
            // (The spec's parameter list is searched only when a request asks for the envelope at all.)
            // Never on the OAuth endpoints: OAuth clients read the token answer's own fields (RFC 6749), and
            // no source shows an enveloped OAuth answer (the spec says the parameter is ignored there).
            boolean envelope = isTrue(query, "envelope")
                    && api != null
                    && api.operation().parameter("envelope").isPresent()
                    && api.operation().authentication() != OperationRule.Authentication.CLIENT_BASIC;
            if (entity == null) {
                finishEmpty(api, response, envelope);
                return;
            }
            Object body = entity;
            MediaType type = mediaTypeOf(api, response);
            if (envelope) {
                body = enveloped(api, response.getStatus(), entity);
                response.setStatus(200);
            }
            boolean indent = isTrue(query, "pretty");
            // The entity is written directly (same bytes as through a tree, one pass fewer).
            byte[] bytes = (indent ? PRETTY : COMPACT).writeValueAsBytes(body);
            response.setEntity(bytes, null, type);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type.toString());
        } catch (JsonProcessingException e) {
            response.setStatus(500);
            response.setEntity(
                    ApiProblem.of(ErrorCode.UNEXPECTED_ERROR).bodyBytes(), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
