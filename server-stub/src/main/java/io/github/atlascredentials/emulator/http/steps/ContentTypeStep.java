package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import java.util.Locale;

/**
 * The request {@code Content-Type} of operations with a JSON body: one the spec lists for the operation
 * (parameters such as {@code charset} aside), else 415. A repeated header is read as its first value.
 */
public final class ContentTypeStep implements RequestStep {
    @Override
    public void apply(ApiRequest request) {
        var accepted = request.operation().requestContentTypes();
        if (accepted.isEmpty() || accepted.contains(FormStep.FORM)) {
            return;
        }
        String header = request.contentType();
        String type = header == null ? "" : header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!accepted.contains(type)) {
            String shown = header == null ? "(none)" : header;
            throw ApiProblem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, shown);
        }
    }
}
