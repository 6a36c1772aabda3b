package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import io.github.atlascredentials.emulator.http.VersionNegotiator;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The answer's media type: for a versioned operation, the one of the operation's own versions that the
 * request names (406 otherwise); {@code application/json} for the others. It goes to the request's
 * {@link ApiRequest#responseMediaType()}, which the response filter writes; the headers stay as sent.
 */
public final class VersionStep implements RequestStep {
    @Override
    public void apply(ApiRequest request) {
        String mediaType = request.operation().versioned()
                ? VersionNegotiator.negotiate(
                        request.operation().versions(), request.header(HttpHeaders.ACCEPT), request.contentType())
                : MediaType.APPLICATION_JSON;
        request.responseMediaType(mediaType);
    }
}
