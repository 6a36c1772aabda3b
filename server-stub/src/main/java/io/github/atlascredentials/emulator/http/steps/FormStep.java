package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.generated.errors.OAuthErrorCode;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations that take a form (the OAuth endpoints): the Content-Type and a decodable body, as OAuth errors.
 * The decoded fields go to the request's {@link ApiRequest#form()}, from which the resource method's form
 * parameters are bound.
 */
public final class FormStep implements RequestStep {
    static final String FORM = "application/x-www-form-urlencoded";

    @Override
    public void apply(ApiRequest request) {
        if (!request.operation().requestContentTypes().contains(FORM)) {
            return;
        }
        String contentType = request.contentType();
        if (contentType == null || !FORM.equalsIgnoreCase(contentType.split(";", 2)[0].trim())) {
            throw ApiProblem.oauth(
                    OAuthErrorCode.INVALID_REQUEST, "the body must be application/x-www-form-urlencoded.");
        }
        request.form(decode(request.body()));
    }

    /** The fields of a form body, or an OAuth {@code invalid_request} when an escape is broken. */
    static Map<String, List<String>> decode(byte[] body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String form = new String(body, StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), n -> new ArrayList<>())
                        .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.oauth(OAuthErrorCode.INVALID_REQUEST, "the form body is malformed.");
            }
        }
        fields.replaceAll((name, values) -> List.copyOf(values));
        return fields;
    }
}
