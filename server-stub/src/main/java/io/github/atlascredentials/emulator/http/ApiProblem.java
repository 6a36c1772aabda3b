package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.generated.errors.OAuthErrorCode;
import io.github.atlascredentials.emulator.generated.model.ApiError;
import io.github.atlascredentials.emulator.generated.model.BadRequestDetail;
import io.github.atlascredentials.emulator.generated.model.FieldViolation;
import io.github.atlascredentials.emulator.generated.model.OAuthError;
import io.github.atlascredentials.spec.rules.ErrorOverride;
import io.github.atlascredentials.spec.rules.SchemaRule;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
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
    /** The spec's model of the answer: an {@link ApiError} or an {@link OAuthError}. */
    private final Object body;

    private final Map<String, String> headers = new LinkedHashMap<>();

    private ApiProblem(int status, String code, Object body) {
        super(code, null, false, false);
        this.status = status;
        this.body = body;
    }

    /**
     * The {@code ApiError} of a code of the spec: its status, its detail with the placeholders filled in
     * and its {@code parameters}, from {@code arguments} given in the order of {@link ErrorCode#arguments()}.
     */
    public static ApiProblem of(ErrorCode code, Object... arguments) {
        return api(
                code.status(),
                code.code(),
                fill(code.text(), code.arguments(), arguments),
                parameters(code.arguments(), code.parameters(), arguments));
    }

    /** The answer the spec's {@code x-error} of a schema names for a value that breaks the schema's rules. */
    public static ApiProblem ofOverride(ErrorOverride override, SchemaRule schema, String value) {
        return api(
                override.status(),
                override.errorCode(),
                override.detail(schema, value),
                override.parameters(schema, value).toArray());
    }

    private static ApiProblem api(int status, String errorCode, String detail, Object... parameters) {
        List<Object> params = new ArrayList<>(parameters.length);
        for (Object p : parameters) {
            params.add(p instanceof Number n ? (Object) n.longValue() : String.valueOf(p));
        }
        ApiError body = new ApiError()
                .error(status)
                .errorCode(errorCode)
                .reason(reason(status))
                .detail(detail)
                .parameters(params);
        return new ApiProblem(status, errorCode, body);
    }

    private static String fill(String text, List<String> names, Object[] arguments) {
        if (arguments.length != names.size()) {
            throw new IllegalArgumentException(
                    "the text \"" + text + "\" takes " + names + ", given " + arguments.length + " values");
        }
        String out = text;
        for (int i = 0; i < names.size(); i++) {
            out = out.replace("{" + names.get(i) + "}", String.valueOf(arguments[i]));
        }
        return out;
    }

    private static Object[] parameters(List<String> names, List<String> parameters, Object[] arguments) {
        return parameters.stream().map(p -> arguments[names.indexOf(p)]).toArray();
    }

    /** A 400 {@code VALIDATION_ERROR} naming each field and the rule it broke. */
    public static ApiProblem validation(List<Map.Entry<String, String>> fieldViolations) {
        ApiProblem problem = of(ErrorCode.VALIDATION_ERROR);
        List<FieldViolation> fields = new ArrayList<>(fieldViolations.size());
        for (Map.Entry<String, String> v : fieldViolations) {
            fields.add(new FieldViolation().field(v.getKey()).description(v.getValue()));
        }
        ((ApiError) problem.body).badRequestDetail(new BadRequestDetail().fields(fields));
        return problem;
    }

    /** An OAuth 2.0 error (RFC 6749 section 5.2) of the spec, its description filled in as {@link #of} does. */
    public static ApiProblem oauth(OAuthErrorCode code, Object... arguments) {
        OAuthError body = new OAuthError()
                .error(OAuthError.ErrorEnum.fromValue(code.code()))
                .errorDescription(fill(code.text(), code.arguments(), arguments));
        return new ApiProblem(code.status(), code.code(), body);
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

    /** The answer's model ({@link ApiError} or {@link OAuthError}). */
    Object body() {
        return body;
    }

    /** The JSON body as bytes, for answers written outside JAX-RS. */
    public byte[] bodyBytes() {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error model always serializes", e);
        }
    }

    public Response toResponse() {
        Response.ResponseBuilder builder =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
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
