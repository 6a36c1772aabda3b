package io.github.atlascredentials.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP answer: status, headers (lower-case names) and body bytes. */
public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    public static final ObjectMapper JSON = new ObjectMapper();

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or null if it is not JSON. */
    public JsonNode jsonOrNull() {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    public JsonNode json() {
        JsonNode node = jsonOrNull();
        if (node == null) {
            throw new AssertionError("not JSON (status " + status + "): " + Masking.maskAll(abbreviated()));
        }
        return node;
    }

    public String errorCode() {
        return json().path("errorCode").asText();
    }

    /** The first 300 characters of the body, for messages (callers mask them). */
    public String abbreviated() {
        String t = text();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }

    @Override
    public String toString() {
        return "Answer[" + status + " " + header("content-type") + " " + Masking.maskAll(abbreviated()) + "]";
    }
}
