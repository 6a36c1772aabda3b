package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads the body, refusing more than the spec's {@code maxRequestBodySize} with 413; later steps and the resource method read the bytes. */
public final class BodySizeStep implements RequestStep {
    private final int maxBytes;

    public BodySizeStep(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void apply(ApiRequest request) {
        String length = request.header(HttpHeaders.CONTENT_LENGTH);
        int expected = 8192;
        if (length != null) {
            try {
                long declared = Long.parseLong(length.trim());
                if (declared > maxBytes) {
                    throw tooLarge();
                }
                if (declared >= 0) {
                    expected = (int) declared + 1; // small bodies (the usual case) need one small buffer
                }
            } catch (NumberFormatException e) {
                // Grizzly rejects malformed lengths itself; count the bytes instead.
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(expected);
        try (InputStream in = request.bodyStream()) {
            byte[] buffer = new byte[Math.min(expected, 8192)];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw tooLarge();
                }
            }
        } catch (IOException e) {
            throw ApiProblem.of(ErrorCode.MALFORMED_JSON);
        }
        byte[] body = out.toByteArray();
        request.body(body);
    }

    private ApiProblem tooLarge() {
        return ApiProblem.of(ErrorCode.REQUEST_TOO_LARGE, maxBytes);
    }
}
