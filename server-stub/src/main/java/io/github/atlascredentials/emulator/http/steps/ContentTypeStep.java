package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import io.github.atlascredentials.emulator.http.VersionNegotiator;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/**
 * The request {@code Content-Type} of operations with a JSON body: one the spec lists for the
 * operation ({@code application/json}, or for a versioned operation any Atlas versioned type, whose
 * date the version step then judges), else 415.
 */
public final class ContentTypeStep implements RequestStep {
    @Override
    public void apply(ApiRequest request, ContainerRequestContext ctx) {
        var accepted = request.operation().requestContentTypes();
        if (accepted.isEmpty() || accepted.contains(FormStep.FORM)) {
            return;
        }
        String header = ctx.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String type = header == null ? "" : header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean ok = accepted.contains(type) || (request.operation().versioned() && VersionNegotiator.isVersioned(type));
        if (!ok) {
            String shown = header == null ? "(none)" : header;
            throw ApiProblem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, shown);
        }
    }
}
