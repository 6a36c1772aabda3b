package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import io.github.atlascredentials.spec.rules.OperationRule;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The last step of every response: the standard headers, then {@code envelope=true} and
 * {@code pretty=true}, and the JSON bytes.
 */
@Priority(1)
public final class ResponseFinisher implements ContainerResponseFilter {
    private static final ObjectWriter COMPACT = Json.MAPPER.writer();
    private static final ObjectWriter PRETTY = Json.MAPPER.writerWithDefaultPrettyPrinter();

    private final String serviceVersion;

    public ResponseFinisher(String serviceVersion) {
        this.serviceVersion = serviceVersion;
    }

    /**
     * A fault on the OAuth endpoints (an unexpected exception mapped to an {@code ApiError}) is
     * answered as the documentation shows: {@code {"error":"server_error","error_description":"Unexpected error."}}.
     */
    private static void oauthShapedFault(ApiRequest api, ContainerResponseContext response) {
        if (api != null && api.operation().authentication() == OperationRule.Authentication.CLIENT_BASIC
                && (response.getStatus() == 500 || response.getStatus() == 503)
                && response.getEntity() instanceof JsonNode body && body.path("errorCode").isTextual()) {
            ApiProblem oauth = Answers.fault(api.operation(), response.getStatus(), null);
            response.setEntity(Json.MAPPER.valueToTree(oauthBody(oauth)), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private static JsonNode oauthBody(ApiProblem problem) {
        try {
            return Json.MAPPER.readTree(problem.bodyBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a JSON tree always parses", e);
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
            if (entity == null || entity instanceof byte[] || entity instanceof String) {
                return;
            }
            Object body = entity;
            MediaType type = response.getMediaType() != null ? response.getMediaType() : MediaType.APPLICATION_JSON_TYPE;
            MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
            List<String> envelope = query.get("envelope");
            // Only operations whose spec declares the envelope parameter wrap their answers.
            boolean declared = api != null && api.operation().parameter("envelope").isPresent();
            if (declared && envelope != null && !envelope.isEmpty()
                    && "true".equalsIgnoreCase(envelope.get(0))) {
                ObjectNode wrapped = Json.MAPPER.createObjectNode();
                wrapped.put("status", response.getStatus());
                wrapped.set("content", entity instanceof JsonNode node ? node : Json.MAPPER.valueToTree(entity));
                body = wrapped;
                response.setStatus(200);
            }
            List<String> pretty = query.get("pretty");
            boolean indent = pretty != null && !pretty.isEmpty() && "true".equalsIgnoreCase(pretty.get(0));
            // The entity is written directly (same bytes as through a tree, one pass fewer).
            byte[] bytes = (indent ? PRETTY : COMPACT).writeValueAsBytes(body);
            response.setEntity(bytes, null, type);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type.toString());
        } catch (JsonProcessingException e) {
            response.setStatus(500);
            response.setEntity("{\"error\":500,\"errorCode\":\"UNEXPECTED_ERROR\",\"reason\":\"Internal Server Error\","
                    + "\"detail\":\"The answer could not be serialized.\",\"parameters\":[]}".getBytes(StandardCharsets.UTF_8),
                    null, MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
