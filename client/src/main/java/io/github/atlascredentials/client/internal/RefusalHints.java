package io.github.atlascredentials.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * What a refused answer says about retrying, read from its body: the {@code errorCode}, and the
 * {@code retryAfter} parameter of a {@code RATE_LIMITED_TOKEN_BUCKET} 429
 * ({@code [path, retryAfter, capacity, refill, seconds]}) for when the header is missing.
 */
final class RefusalHints {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String errorCode;
    final String retryAfter;

    private RefusalHints(String errorCode, String retryAfter) {
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    /** Reads the body of a 409 or 429 (buffered, so that it can still be read afterwards); else nothing. */
    static RefusalHints of(Response response) {
        String header = response.getHeaderString("Retry-After");
        int status = response.getStatus();
        if ((status != 409 && status != 429) || !response.hasEntity()) {
            return new RefusalHints(null, header);
        }
        try {
            response.bufferEntity();
            JsonNode json = MAPPER.readTree(response.readEntity(String.class));
            String code = json != null && json.path("errorCode").isTextual()
                    ? json.get("errorCode").asText()
                    : null;
            JsonNode wait = json == null ? null : json.path("parameters").path(1);
            if (header == null
                    && "RATE_LIMITED_TOKEN_BUCKET".equals(code)
                    && wait != null
                    && wait.canConvertToLong()
                    && wait.isIntegralNumber()) {
                return new RefusalHints(code, Long.toString(wait.asLong()));
            }
            return new RefusalHints(code, header);
        } catch (RuntimeException | IOException unreadable) {
            return new RefusalHints(null, header);
        }
    }
}
