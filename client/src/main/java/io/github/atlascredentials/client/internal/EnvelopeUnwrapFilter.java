package io.github.atlascredentials.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Makes {@code envelope=true} invisible: a {@code {"status", "content"}} answer to a request that
 * asked for an envelope is turned back into the status and body it wraps, errors included, before
 * any other filter or the generated code sees it; {@code {"status": 204}} becomes an empty 204, and a
 * list page, which is its own envelope (the spec's {@code envelope} parameter), loses its {@code status}.
 * Runs first among response filters (they run in descending priority).
 */
@Priority(Priorities.USER + 1000)
public final class EnvelopeUnwrapFilter implements ClientResponseFilter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        String query = request.getUri().getRawQuery();
        if (query == null || !query.matches("(?:.*&)?envelope=true(?:&.*)?") || !response.hasEntity()) {
            return;
        }
        byte[] body;
        try (InputStream in = response.getEntityStream()) {
            body = in.readAllBytes();
        }
        JsonNode envelope = parse(body);
        if (envelope == null || !envelope.path("status").canConvertToInt()) {
            response.setEntityStream(new ByteArrayInputStream(body)); // not an envelope: leave it alone
            return;
        }
        int status = envelope.get("status").asInt();
        JsonNode content;
        if (envelope.path("results").isArray()) {
            content = ((ObjectNode) envelope).without("status"); // a page is its own envelope
        } else if (envelope.has("content") || (status == 204 && envelope.size() == 1)) {
            content = envelope.get("content");
        } else {
            response.setEntityStream(new ByteArrayInputStream(body)); // not an envelope: leave it alone
            return;
        }
        response.setStatus(status);
        if (status >= 400) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        if (content == null || content.isNull()) {
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            response.setEntityStream(new ByteArrayInputStream(new byte[0]));
            return;
        }
        byte[] inner = MAPPER.writeValueAsBytes(content);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, String.valueOf(inner.length));
        response.setEntityStream(new ByteArrayInputStream(inner));
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
