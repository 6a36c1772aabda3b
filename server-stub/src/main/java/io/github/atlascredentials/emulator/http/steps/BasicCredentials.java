package io.github.atlascredentials.emulator.http.steps;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic client id and secret; the secret never appears in {@code toString()}. */
record BasicCredentials(String clientId, String secret) {
    static BasicCredentials parse(String header) {
        if (header == null || !header.trim().regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(header.trim().substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            // RFC 6749 2.3.1: client id and secret are form-encoded before Basic encoding.
            return new BasicCredentials(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[clientId=" + clientId + ", secret=****]";
    }
}
