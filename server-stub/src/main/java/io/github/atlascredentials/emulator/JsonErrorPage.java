package io.github.atlascredentials.emulator;

import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/** Errors Grizzly answers itself (before Jersey) are JSON too, without a stack trace. */
final class JsonErrorPage implements ErrorPageGenerator {
    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        String code = switch (status) {
            case 404 -> ErrorCode.RESOURCE_NOT_FOUND.code();
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED.code();
            case 413 -> ErrorCode.REQUEST_TOO_LARGE.code();
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE.code();
            default -> (status >= 500 ? ErrorCode.UNEXPECTED_ERROR : ErrorCode.INVALID_REQUEST).code();
        };
        request.getResponse().setContentType("application/json");
        String reason = reasonPhrase == null ? "" : reasonPhrase.replaceAll("[^A-Za-z0-9 .,-]", "");
        return "{\"error\":" + status + ",\"errorCode\":\"" + code + "\",\"reason\":\"" + reason + "\",\"detail\":\""
                + reason + ".\",\"parameters\":[]}";
    }
}
