package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.generated.errors.OAuthErrorCode;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Operations that take a form (the OAuth endpoints): the Content-Type and a decodable body, as OAuth errors. */
public final class FormStep implements RequestStep {
    static final String FORM = "application/x-www-form-urlencoded";

    @Override
    public void apply(ApiRequest request, ContainerRequestContext ctx) {
        if (!request.operation().requestContentTypes().contains(FORM)) {
            return;
        }
        String contentType = ctx.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !FORM.equalsIgnoreCase(contentType.split(";", 2)[0].trim())) {
            throw ApiProblem.oauth(OAuthErrorCode.INVALID_REQUEST, "the body must be application/x-www-form-urlencoded.");
        }
        if (!decodable(request.body())) {
            throw ApiProblem.oauth(OAuthErrorCode.INVALID_REQUEST, "the form body is malformed.");
        }
        ctx.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, FORM);
    }

    private static boolean decodable(byte[] body) {
        String form = new String(body, StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            try {
                URLDecoder.decode(pair, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }
}
