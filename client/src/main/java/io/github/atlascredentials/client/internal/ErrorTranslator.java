package io.github.atlascredentials.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atlascredentials.client.AtlasApiException;
import io.github.atlascredentials.client.FieldError;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns any error answer into an {@link AtlasApiException}: Atlas {@code ApiError}, OAuth error,
 * or a body that is not JSON at all (a proxy's HTML page), of which a short plain-text excerpt
 * is kept.
 */
public final class ErrorTranslator {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int EXCERPT_LENGTH = 200;

  private ErrorTranslator() {
  }

  public static AtlasApiException translate(int status, String body, Map<String, List<String>> headers, Redactor redactor) {
    AtlasApiException.Builder builder = AtlasApiException.builder(status)
        .headers(headers)
        .reason(Response.Status.fromStatusCode(status) == null ? null
            : Response.Status.fromStatusCode(status).getReasonPhrase());
    JsonNode json = parse(body);
    if (json != null && json.hasNonNull("errorCode")) {
      builder.errorCode(json.get("errorCode").asText());
      if (json.hasNonNull("reason")) {
        builder.reason(json.get("reason").asText());
      }
      if (json.hasNonNull("detail")) {
        builder.detail(redactor.redact(json.get("detail").asText()));
      }
      builder.parameters(parameters(json.get("parameters"), redactor));
      builder.fieldErrors(fieldErrors(json.path("badRequestDetail").path("fields"), redactor));
    } else if (json != null && json.path("error").isTextual()) {
      builder.errorCode(json.get("error").asText());
      if (json.hasNonNull("error_description")) {
        builder.detail(redactor.redact(json.get("error_description").asText()));
      }
    } else if (body != null && !body.isBlank()) {
      builder.detail(redactor.redact(excerpt(body, headers)));
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
    } catch (java.io.IOException notJson) {
      return null;
    }
  }

  private static List<Object> parameters(JsonNode node, Redactor redactor) {
    List<Object> values = new ArrayList<>();
    if (node != null && node.isArray()) {
      for (JsonNode item : node) {
        values.add(item.isNumber() ? item.numberValue() : redactor.redact(item.asText()));
      }
    }
    return values;
  }

  private static List<FieldError> fieldErrors(JsonNode node, Redactor redactor) {
    List<FieldError> errors = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode item : node) {
        errors.add(new FieldError(item.path("field").asText(""), redactor.redact(item.path("description").asText(""))));
      }
    }
    return errors;
  }

  /** A one-line excerpt of a non-JSON body: tags stripped, whitespace collapsed, length capped. */
  private static String excerpt(String body, Map<String, List<String>> headers) {
    String contentType = headers.entrySet().stream()
        .filter(e -> "content-type".equalsIgnoreCase(e.getKey()) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0)).findFirst().orElse("unknown content type");
    String text = body.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
        .replaceAll("<[^>]*>", " ")
        .replaceAll("\\s+", " ").trim();
    if (text.length() > EXCERPT_LENGTH) {
      text = text.substring(0, EXCERPT_LENGTH) + "…";
    }
    return "non-JSON error body (" + contentType.toLowerCase(Locale.ROOT) + "): " + text;
  }
}
