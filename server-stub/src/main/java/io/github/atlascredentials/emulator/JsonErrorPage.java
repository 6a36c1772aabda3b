package io.github.atlascredentials.emulator;

import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/** Errors Grizzly answers itself (before Jersey) are JSON too, without a stack trace. */
final class JsonErrorPage implements ErrorPageGenerator {
    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        String code = status == 413 ? "REQUEST_TOO_LARGE" : status == 404 ? "RESOURCE_NOT_FOUND"
                : status >= 500 ? "UNEXPECTED_ERROR" : "INVALID_REQUEST";
        request.getResponse().setContentType("application/json");
        return "{\"error\":" + status + ",\"errorCode\":\"" + code + "\",\"reason\":\""
                + (reasonPhrase == null ? "" : reasonPhrase.replace("\"", "")) + "\",\"parameters\":[]}";
    }
}
