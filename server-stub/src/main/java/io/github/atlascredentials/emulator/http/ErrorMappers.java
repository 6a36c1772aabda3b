package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every exception into the API's error JSON: never a stack trace, never HTML. */
public final class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    private ErrorMappers() {
    }

    public static final class Problems implements ExceptionMapper<ApiProblem> {
        @Override
        public Response toResponse(ApiProblem problem) {
            return problem.toResponse();
        }
    }

    public static final class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return ApiProblem.api(400, "MALFORMED_JSON", "Received JSON is malformed.").toResponse();
        }
    }

    public static final class Web implements ExceptionMapper<WebApplicationException> {
        private final int maxBodyBytes;

        public Web(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            ApiProblem problem = switch (status) {
                case 404 -> ApiProblem.api(404, "RESOURCE_NOT_FOUND", "Cannot find resource.");
                case 405 -> ApiProblem.api(405, "METHOD_NOT_ALLOWED", "Method not allowed.");
                case 406 -> ApiProblem.api(406, "INVALID_VERSION_DATE", "Invalid accept header or version date.");
                case 413 -> ApiProblem.api(413, "REQUEST_TOO_LARGE", "The request body exceeds " + maxBodyBytes + " bytes.",
                        maxBodyBytes);
                case 415 -> ApiProblem.api(415, "UNSUPPORTED_MEDIA_TYPE", "The Content-Type is not supported.");
                case 400 -> ApiProblem.api(400, "MALFORMED_JSON", "Received JSON is malformed.");
                default -> status >= 500
                        ? ApiProblem.api(500, "UNEXPECTED_ERROR", "Unexpected error.")
                        : ApiProblem.api(status, "INVALID_REQUEST", "The request is invalid.");
            };
            if (e instanceof NotAllowedException) {
                problem.header("Allow", String.join(", ", e.getResponse().getAllowedMethods()));
            }
            return problem.toResponse();
        }
    }

    public static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable t) {
            // The class only: messages could carry request data.
            LOG.log(Level.WARNING, "unexpected failure: {0}", t.getClass().getName());
            return ApiProblem.api(500, "UNEXPECTED_ERROR", "Unexpected error.").toResponse();
        }
    }
}
