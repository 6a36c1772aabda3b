package io.github.atlascredentials.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atlascredentials.client.AtlasApiException;
import io.github.atlascredentials.client.FieldError;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns any error answer into an {@link AtlasApiException}: Atlas {@code ApiError}, OAuth error,
 * other JSON, or a body that is not JSON at all (a proxy's HTML page), of which a short plain-text
 * excerpt is kept. Every text taken from the answer (body, reason, codes, parameters, field
 * errors, header names and values) is masked by the {@link Redactor}, the body before any excerpt
 * is cut from it.
 */
public final class ErrorTranslator {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorTranslator() {}

    public static AtlasApiException translate(
            int status, String body, Map<String, List<String>> headers, Redactor redactor) {
        String masked = redactor.redact(body);
        Map<String, List<String>> safeHeaders = headers(headers, redactor);
        AtlasApiException.Builder builder = AtlasApiException.builder(status)
                .headers(safeHeaders)
                .reason(
                        Response.Status.fromStatusCode(status) == null
                                ? null
                                : Response.Status.fromStatusCode(status).getReasonPhrase());
        JsonNode json = parse(body);
        if (json != null && json.hasNonNull("errorCode")) {
            builder.errorCode(redactor.redact(json.get("errorCode").asText()));
            if (json.hasNonNull("reason")) {
                builder.reason(redactor.redact(json.get("reason").asText()));
            }
            if (json.hasNonNull("detail")) {
                builder.detail(redactor.redact(json.get("detail").asText()));
            }
            builder.parameters(parameters(json.get("parameters"), redactor));
            builder.fieldErrors(fieldErrors(json.path("badRequestDetail").path("fields"), redactor));
        } else if (json != null && json.path("error").isTextual()) {
            builder.errorCode(redactor.redact(json.get("error").asText()));
            if (json.hasNonNull("error_description")) {
                builder.detail(redactor.redact(json.get("error_description").asText()));
            }
        } else if (json != null) {
            builder.detail(
                    json.hasNonNull("detail")
                            ? redactor.redact(json.get("detail").asText())
                            : "JSON error body without errorCode: "
                                    + redactor.redact(TextExcerpt.of(redactor.redact(json.toString()))));
        } else if (masked != null && !masked.isBlank()) {
            builder.detail("non-JSON error body (" + contentType(safeHeaders) + "): "
                    + redactor.redact(TextExcerpt.of(masked)));
        }
        return builder.build();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static Map<String, List<String>> headers(Map<String, List<String>> headers, Redactor redactor) {
        Map<String, List<String>> safe = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null) {
                    List<String> masked = new ArrayList<>();
                    if (values != null) {
                        values.forEach(v -> masked.add(redactor.redact(v)));
                    }
                    safe.put(redactor.redact(name), masked);
                }
            });
        }
        return safe;
    }

    private static List<Object> parameters(JsonNode node, Redactor redactor) {
        List<Object> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                values.add(
                        item.isNumber()
                                ? item.numberValue()
                                : redactor.redact(item.isValueNode() ? item.asText() : item.toString()));
            }
        }
        return values;
    }

    private static List<FieldError> fieldErrors(JsonNode node, Redactor redactor) {
        List<FieldError> errors = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                errors.add(new FieldError(
                        redactor.redact(item.path("field").asText("")),
                        redactor.redact(item.path("description").asText(""))));
            }
        }
        return errors;
    }

    private static String contentType(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(e -> "content-type".equalsIgnoreCase(e.getKey())
                        && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse("unknown content type")
                .toLowerCase(Locale.ROOT);
    }
}
