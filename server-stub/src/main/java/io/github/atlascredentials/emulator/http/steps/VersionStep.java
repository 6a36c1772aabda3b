package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import io.github.atlascredentials.emulator.http.VersionNegotiator;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The answer's media type: for a versioned operation, the one of the operation's own versions that the
 * request names (406 otherwise); {@code application/json} for the others.
 */
public final class VersionStep implements RequestStep {
    @Override
    public void apply(ApiRequest request, ContainerRequestContext ctx) {
        String mediaType = request.operation().versioned()
                ? VersionNegotiator.negotiate(request.operation().versions(), ctx.getHeaderString(HttpHeaders.ACCEPT),
                        ctx.getHeaderString(HttpHeaders.CONTENT_TYPE))
                : MediaType.APPLICATION_JSON;
        request.responseMediaType(mediaType);
        // JAX-RS then picks the resource method's answer type from one Accept. The request's Content-Type is
        // left as sent: the content-type step let through only a type the spec lists, which the generated
        // method's @Consumes lists too.
        ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, mediaType);
    }
}
