package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every exception into the API's error JSON: never a stack trace, never HTML. */
public final class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    private ErrorMappers() {}

    public static final class Problems implements ExceptionMapper<ApiProblem> {
        @Override
        public Response toResponse(ApiProblem problem) {
            return problem.toResponse();
        }
    }

    public static final class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return ApiProblem.of(ErrorCode.MALFORMED_JSON).toResponse();
        }
    }

    public static final class Web implements ExceptionMapper<WebApplicationException> {
        private final int maxBodyBytes;
        // Request-scoped proxies Jersey injects: what the answer names (path, method, Content-Type).
        @Context
        private UriInfo uriInfo;

        @Context
        private Request request;

        @Context
        private HttpHeaders headers;

        public Web(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            ApiProblem problem = switch (status) {
                case 404 -> ApiProblem.of(ErrorCode.RESOURCE_NOT_FOUND, rawPath());
                case 405 -> ApiProblem.of(ErrorCode.METHOD_NOT_ALLOWED, method(), rawPath());
                case 406 -> ApiProblem.of(ErrorCode.INVALID_VERSION_DATE);
                case 413 -> ApiProblem.of(ErrorCode.REQUEST_TOO_LARGE, maxBodyBytes);
                case 415 -> ApiProblem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, contentType());
                case 400 -> ApiProblem.of(ErrorCode.MALFORMED_JSON);
                default ->
                    status >= 500
                            ? ApiProblem.of(ErrorCode.UNEXPECTED_ERROR)
                            : ApiProblem.of(ErrorCode.INVALID_REQUEST, "HTTP status " + status + ".");
            };
            if (e instanceof NotAllowedException) {
                problem.header("Allow", String.join(", ", e.getResponse().getAllowedMethods()));
            }
            return problem.toResponse();
        }

        private String rawPath() {
            return uriInfo == null ? "" : uriInfo.getRequestUri().getRawPath();
        }

        private String method() {
            return request == null ? "" : request.getMethod();
        }

        private String contentType() {
            String type = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
            return type == null ? "(none)" : type;
        }
    }

    public static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable t) {
            // The class only: messages could carry request data.
            LOG.log(Level.WARNING, "unexpected failure: {0}", t.getClass().getName());
            return ApiProblem.of(ErrorCode.UNEXPECTED_ERROR).toResponse();
        }
    }
}
