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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The last step of every API answer: the standard headers, then {@code envelope=true} and {@code pretty=true},
 * and the JSON bytes in the negotiated media type. Immutable and thread-safe.
 */
public final class ResponseFinisher {
    static final ObjectWriter COMPACT = Json.MAPPER.writer();
    static final ObjectWriter PRETTY = Json.MAPPER.writerWithDefaultPrettyPrinter();

    private final Map<String, String> serviceHeaders;

    /** An answer ready to write: headers without Content-Type and Content-Length, a body or null for none. */
    public record Finished(int status, MultivaluedMap<String, String> headers, String contentType, byte[] body) {}

    public ResponseFinisher(String serviceVersion) {
        this.serviceHeaders = serviceHeaders(serviceVersion);
    }

    /** The headers every answer carries, test-support answers too. */
    public static Map<String, String> serviceHeaders(String serviceVersion) {
        return Map.of(
                GrizzlyErrorAnswers.SERVICE_VERSION,
                serviceVersion,
                GrizzlyErrorAnswers.STRICT_TRANSPORT_SECURITY,
                GrizzlyErrorAnswers.HSTS_VALUE);
    }

    /**
     * @param api      the request as far as the steps got, or null when it was refused before its route was known
     * @param response the resource method's answer or the refusal's
     * @param query    the request's decoded query, or null when it has none
     */
    public Finished finish(ApiRequest api, Response response, MultivaluedMap<String, String> query) {
        int status = response.getStatus();
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>(response.getStringHeaders());
        headers.remove(HttpHeaders.CONTENT_TYPE);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        serviceHeaders.forEach(headers::putSingle);
        Object entity = response.getEntity();
        MediaType ownType = response.getMediaType();
        if (oauthShapedFault(api, status, entity)) {
            entity = Answers.fault(api.operation(), status, null).body();
            ownType = MediaType.APPLICATION_JSON_TYPE;
        }
        FixedWindowRateLimiter.Decision limit = api == null ? null : api.rateLimit();
        if (limit != null) {
            headers.putSingle("RateLimit-Limit", Integer.toString(limit.limit()));
            headers.putSingle("RateLimit-Remaining", Integer.toString(limit.remaining()));
        }
        String type = mediaTypeOf(api, status, ownType);
        if (entity instanceof byte[] bytes) {
            return new Finished(status, headers, type, bytes);
        }
        if (entity instanceof String text) {
            return new Finished(status, headers, type, text.getBytes(StandardCharsets.UTF_8));
        }
        // Only operations whose spec declares the envelope parameter wrap their answers.
        // (The spec's parameter list is searched only when a request asks for the envelope at all.)
        // Never on the OAuth endpoints: OAuth clients read the token answer's own fields (RFC 6749), and
        // no source shows an enveloped OAuth answer (the spec says the parameter is ignored there).
        boolean envelope = isTrue(query, "envelope")
                && api != null
                && api.operation().parameter("envelope").isPresent()
                && api.operation().authentication() != OperationRule.Authentication.CLIENT_BASIC;
        try {
            if (entity == null) {
                return finishEmpty(api, status, headers, type, envelope);
            }
            Object body = entity;
            if (envelope) {
                body = enveloped(api, status, entity);
                status = 200;
            }
            // The entity is written directly (same bytes as through a tree, one pass fewer).
            byte[] bytes = (isTrue(query, "pretty") ? PRETTY : COMPACT).writeValueAsBytes(body);
            return new Finished(status, headers, type, bytes);
        } catch (JsonProcessingException e) {
            return new Finished(
                    500,
                    headers,
                    MediaType.APPLICATION_JSON,
                    ApiProblem.of(ErrorCode.UNEXPECTED_ERROR).bodyBytes());
        }
    }

    /**
     * A fault on the OAuth endpoints (an unexpected exception mapped to an {@code ApiError}) is
     * answered as the documentation shows: {@code {"error":"server_error","error_description":"Unexpected error."}}.
     */
    private static boolean oauthShapedFault(ApiRequest api, int status, Object entity) {
        return api != null
                && api.operation().authentication() == OperationRule.Authentication.CLIENT_BASIC
                && (status == 500 || status == 503)
                && entity instanceof ApiError;
    }

    /**
     * A successful API answer is written in the media type the version step negotiated (the resources do not
     * repeat it); errors keep the type they were built with.
     */
    private static String mediaTypeOf(ApiRequest api, int status, MediaType ownType) {
        if (api != null && status < 300) {
            return api.responseMediaType();
        }
        return ownType != null ? ownType.toString() : MediaType.APPLICATION_JSON;
    }

    static boolean isTrue(MultivaluedMap<String, String> query, String name) {
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
    private static Finished finishEmpty(
            ApiRequest api, int status, MultivaluedMap<String, String> headers, String type, boolean envelope)
            throws JsonProcessingException {
        if (api == null || status >= 300) {
            return new Finished(status, headers, null, null);
        }
        if (envelope) {
            return new Finished(200, headers, type, COMPACT.writeValueAsBytes(new Envelope().status(status)));
        }
        return new Finished(status, headers, VersionNegotiator.isVersioned(type) ? type : null, null);
    }
}
