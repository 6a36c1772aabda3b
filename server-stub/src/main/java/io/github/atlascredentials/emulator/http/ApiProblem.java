package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer other than success, thrown anywhere in request handling and rendered as the API's
 * error JSON ({@code ApiError}, or {@code OAuthError} on the OAuth endpoints). Carries no stack trace.
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final ObjectNode body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ApiProblem(int status, ObjectNode body) {
        super(body.path("errorCode").asText(body.path("error").asText()), null, false, false);
        this.status = status;
        this.body = body;
    }

    /** An {@code ApiError} with {@code parameters} (strings or numbers). */
    public static ApiProblem api(int status, String errorCode, String detail, Object... parameters) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("error", status);
        body.put("errorCode", errorCode);
        body.put("reason", reason(status));
        body.put("detail", detail);
        ArrayNode params = body.putArray("parameters");
        for (Object p : parameters) {
            if (p instanceof Number n) {
                params.add(n.longValue());
            } else {
                params.add(String.valueOf(p));
            }
        }
        return new ApiProblem(status, body);
    }

    /** A 400 {@code VALIDATION_ERROR} naming each field and the rule it broke. */
    public static ApiProblem validation(List<Map.Entry<String, String>> fieldViolations) {
        ApiProblem problem = api(400, "VALIDATION_ERROR", "Invalid request body.");
        ArrayNode fields = problem.body.putObject("badRequestDetail").putArray("fields");
        for (Map.Entry<String, String> v : fieldViolations) {
            fields.addObject().put("field", v.getKey()).put("description", v.getValue());
        }
        return problem;
    }

    /** An OAuth 2.0 error (RFC 6749 section 5.2). */
    public static ApiProblem oauth(int status, String error, String description) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        return new ApiProblem(status, body);
    }

    public ApiProblem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    /** The extra headers (such as {@code Allow} or {@code WWW-Authenticate}), in order. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    /** The JSON body as bytes, for answers written outside JAX-RS. */
    public byte[] bodyBytes() {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        headers.forEach(builder::header);
        return builder.build();
    }

    public static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known != null ? known.getReasonPhrase() : "Error";
            }
        };
    }
}
