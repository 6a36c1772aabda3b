package io.github.atlascredentials.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every answer of the emulator must look like, whatever was sent: a documented success, or an
 * {@code ApiError} (application/json, {@code error} == status, an {@code errorCode}) with a 4xx status;
 * on the OAuth endpoints an OAuth error is allowed too. Never a 5xx.
 */
public final class Oracle {
    private static final Pattern SECRET = Pattern.compile("^mdb_sa_sk_[A-Za-z0-9_-]{40}$");
    private static final Pattern OBJECT_ID = Pattern.compile("^[a-f0-9]{24}$");
    private static final Pattern PUBLIC_KEY = Pattern.compile("^[a-z]{8}$");
    private static final Pattern PRIVATE_KEY =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern MASKED_PRIVATE_KEY = Pattern.compile("^\\*{8}-\\*{4}-\\*{4}-[0-9a-f]{12}$");
    private static final Pattern MASKED_SECRET = Pattern.compile("^mdb_sa_sk_\\.\\.\\.[A-Za-z0-9_-]{4}$");
    private static final Pattern CLIENT_ID = Pattern.compile("^mdb_sa_id_[a-fA-F0-9]{24}$");
    private static final Set<String> OAUTH_ERRORS = Set.of(
            "invalid_request",
            "invalid_client",
            "invalid_grant",
            "unauthorized_client",
            "unsupported_grant_type",
            "access_denied",
            "invalid_scope");

    private Oracle() {}

    /** Checks one answer; {@code request} describes what was sent (it is masked before printing). */
    public static void check(String request, String method, Answer a) {
        String why = violation(method, a);
        if (why != null) {
            throw new AssertionError(why + "\n  request: " + Masking.maskAll(request) + "\n  answer: " + a);
        }
    }

    /** The broken rule, or null if the answer is acceptable. */
    public static String violation(String method, Answer a) {
        int status = a.status();
        if (status >= 500) {
            return "a server error " + status;
        }
        if (status < 200 || (status >= 300 && status < 400)) {
            return "an unexpected status " + status;
        }
        if ("HEAD".equals(method)) {
            return null; // no body to check
        }
        String type = a.header("content-type");
        if (status >= 400) {
            if (type == null || !type.toLowerCase().startsWith("application/json")) {
                return "an error that is not application/json";
            }
            JsonNode body = a.jsonOrNull();
            if (body == null || !body.isObject()) {
                return "an error body that is not a JSON object";
            }
            return errorViolation(status, body);
        }
        JsonNode body = a.jsonOrNull();
        if (status == 200 && a.body().length == 0) {
            return null; // revoke
        }
        if (status == 204) {
            return a.body().length == 0 ? null : "a 204 with a body"; // a delete
        }
        if (body == null || !body.isObject()) {
            return "a success body that is not a JSON object";
        }
        if (body.has("status") && body.has("content")) {
            JsonNode content = body.get("content");
            int wrapped = body.get("status").asInt(-1);
            if (wrapped >= 500) {
                return "an enveloped server error " + wrapped;
            }
            if (wrapped >= 400) {
                return errorViolation(wrapped, content);
            }
            return successViolation(wrapped, content, type);
        }
        return successViolation(status, body, type);
    }

    private static String errorViolation(int status, JsonNode body) {
        JsonNode error = body.get("error");
        if (error != null && error.isTextual()) {
            if (!OAUTH_ERRORS.contains(error.asText())) {
                return "an OAuth error with an unknown code";
            }
            return body.path("error_description").isTextual() ? null : "an OAuth error without error_description";
        }
        if (error == null || !error.isInt() || error.asInt() != status) {
            return "an ApiError whose error is not the status " + status;
        }
        if (!body.path("errorCode").isTextual()
                || body.path("errorCode").asText().isBlank()) {
            return "an ApiError without errorCode";
        }
        if (status == 429
                && !Set.of("RATE_LIMITED", "RATE_LIMITED_TOKEN_BUCKET")
                        .contains(body.path("errorCode").asText())) {
            return "a 429 that is neither RATE_LIMITED nor RATE_LIMITED_TOKEN_BUCKET";
        }
        if (status == 409
                && !"DATA_CONCURRENCY_ERROR".equals(body.path("errorCode").asText())) {
            return "a 409 that is not DATA_CONCURRENCY_ERROR";
        }
        if (status < 400 || status >= 500) {
            return "an ApiError with status " + status;
        }
        return null;
    }

    private static String successViolation(int status, JsonNode body, String type) {
        if (status == 201) {
            if (!SECRET.matcher(body.path("secret").asText()).matches()
                    || !OBJECT_ID.matcher(body.path("id").asText()).matches()
                    || !body.path("createdAt").isTextual()
                    || !body.path("expiresAt").isTextual()) {
                return "a 201 that is not a created secret";
            }
            return null;
        }
        if (status == 200) {
            if (body.has("access_token")) {
                return "Bearer".equals(body.path("token_type").asText())
                                && body.path("expires_in").asInt() == 3600
                        ? null
                        : "a token answer without token_type Bearer and expires_in 3600";
            }
            if (isApiKey(body, true)) {
                return null; // created: the only answer with the plain private key
            }
            if (isApiKey(body, false)) {
                return null; // read back, masked
            }
            if (body.has("secrets")) {
                return accountViolation(body);
            }
            if (body.path("results").isArray() && body.path("totalCount").isInt()) {
                for (JsonNode item : body.get("results")) {
                    String why = item.has("secrets")
                            ? accountViolation(item)
                            : isApiKey(item, false)
                                    ? null
                                    : "a page item that is neither a service account nor a masked API key";
                    if (why != null) {
                        return "a page with " + why;
                    }
                }
                return null;
            }
            if ("UP".equals(body.path("status").asText())) {
                return null; // health
            }
            return "a 200 that is neither an API key, a token nor health";
        }
        return "an undocumented success status " + status;
    }

    private static boolean isApiKey(JsonNode body, boolean plain) {
        return PUBLIC_KEY.matcher(body.path("publicKey").asText()).matches()
                && (plain ? PRIVATE_KEY : MASKED_PRIVATE_KEY)
                        .matcher(body.path("privateKey").asText())
                        .matches()
                && OBJECT_ID.matcher(body.path("id").asText()).matches();
    }

    /** A service account read back: its secrets masked, never a secret value. */
    private static String accountViolation(JsonNode body) {
        if (!CLIENT_ID.matcher(body.path("clientId").asText()).matches()
                || !body.path("secrets").isArray()) {
            return "a service account without clientId or secrets";
        }
        for (JsonNode secret : body.get("secrets")) {
            if (secret.has("secret")) {
                return "a secret value in a service account read back";
            }
            if (!OBJECT_ID.matcher(secret.path("id").asText()).matches()
                    || !MASKED_SECRET
                            .matcher(secret.path("maskedSecretValue").asText())
                            .matches()
                    || !secret.path("expiresAt").isTextual()
                    || !secret.has("lastUsedAt")) {
                return "a read-back secret without id, masked value, expiresAt or lastUsedAt";
            }
        }
        return null;
    }
}
