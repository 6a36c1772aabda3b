package io.github.atlascredentials.client.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a 401 may say that the access token itself is invalid or expired (worth one new
 * token) rather than something a new token cannot fix (each one counts against the account's 100
 * active tokens). The service answers a missing role with the same {@code USER_UNAUTHORIZED} as an
 * expired token, so a role refusal costs one renewal before it is thrown.
 */
final class TokenRejection {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TokenRejection() {}

    /**
     * True for a Bearer challenge with {@code error="invalid_token"}, an Atlas error
     * {@code USER_UNAUTHORIZED} (the service's answer to an unknown, expired or revoked token,
     * whatever challenge it adds) or an OAuth error {@code invalid_token}.
     */
    static boolean tokenRejected(List<String> challenges, byte[] body) {
        if (challenges != null) {
            for (String challenge : challenges) {
                String lower = challenge == null ? "" : challenge.toLowerCase(Locale.ROOT);
                if (lower.startsWith("bearer") && lower.contains("invalid_token")) {
                    return true;
                }
            }
        }
        JsonNode json = parse(body);
        return json != null
                && ("USER_UNAUTHORIZED".equals(json.path("errorCode").asText(null))
                        || "invalid_token".equals(json.path("error").asText(null)));
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
