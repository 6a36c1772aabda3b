package io.github.atlascredentials.emulator;

import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/** Errors Grizzly answers itself (before Jersey) are JSON too, without a stack trace. */
final class JsonErrorPage implements ErrorPageGenerator {
    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        String code = switch (status) {
            case 404 -> "RESOURCE_NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "REQUEST_TOO_LARGE";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status >= 500 ? "UNEXPECTED_ERROR" : "INVALID_REQUEST";
        };
        request.getResponse().setContentType("application/json");
        String reason = reasonPhrase == null ? "" : reasonPhrase.replaceAll("[^A-Za-z0-9 .,-]", "");
        return "{\"error\":" + status + ",\"errorCode\":\"" + code + "\",\"reason\":\"" + reason
                + "\",\"detail\":\"" + reason + ".\",\"parameters\":[]}";
    }
}
