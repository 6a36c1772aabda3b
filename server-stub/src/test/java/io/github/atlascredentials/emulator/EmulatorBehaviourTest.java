package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Black-box tests over real HTTP against an in-process emulator on a random port. */
class EmulatorBehaviourTest extends DemoEmulatorTest {
    static final String ATLAS = "application/vnd.atlas.2024-08-05+json";
    static final String ORG_SECRETS =
            "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets";
    static final String GROUP_SECRETS =
            "/api/atlas/v2/groups/" + DEMO_PROJECT_ID + "/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets";
    static final String CM_SECRETS =
            "/api/public/v1.0/orgs/" + DEMO_ORG_ID + "/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets/";
    static final String API_KEYS = "/api/public/v1.0/orgs/" + DEMO_ORG_ID + "/apiKeys";

    String token;

    @BeforeEach
    void ownerToken() {
        token = owner;
    }

    TestHttp.Answer atlas(String path, String body) {
        return http.post(path, body, "Authorization", "Bearer " + token, "Accept", ATLAS, "Content-Type", ATLAS);
    }

    @Test
    void bearerTokenCreatesOrgSecretThatAuthenticatesAtOnce() {
        TestHttp.Answer a = atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": 8}");
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.header("Content-Type")).isEqualTo(ATLAS);
        assertThat(a.header("Strict-Transport-Security")).isEqualTo("max-age=300");
        assertThat(a.header("X-MongoDB-Service-Version")).startsWith("gitHash=");
        assertThat(a.header("RateLimit-Limit")).isNotNull();
        JsonNode body = a.json();
        String secret = body.get("secret").asText();
        assertThat(secret).matches("^mdb_sa_sk_[A-Za-z0-9_-]{40}$");
        assertThat(body.get("maskedSecretValue").asText()).isEqualTo("mdb_sa_sk_..." + secret.substring(46));
        assertThat(body.get("lastUsedAt").isNull()).isTrue();
        Instant created = Instant.parse(body.get("createdAt").asText());
        assertThat(Instant.parse(body.get("expiresAt").asText())).isEqualTo(created.plus(Duration.ofHours(8)));
        assertThat(http.token(DEMO_TARGET_CLIENT_ID, secret)).isNotBlank();
    }

    @Test
    void thirdSecretIsRefusedAndOlderSecretIsShortened() {
        TestHttp.Answer first = atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": 8760}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(atlas(GROUP_SECRETS, "{\"secretExpiresAfterHours\": 100}").status())
                .isEqualTo(201);
        TestHttp.Answer third = atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": 8}");
        assertThat(third.status()).isEqualTo(400);
        assertThat(third.errorCode()).isEqualTo("MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED");
        assertThat(third.json().get("parameters").toString()).isEqualTo("[\"" + DEMO_TARGET_CLIENT_ID + "\",2]");
        // the first secret now expires within 7 days: after 8 days it can no longer obtain a token
        String firstSecret = first.json().get("secret").asText();
        emulator.clock().advance(Duration.ofDays(7).plusMinutes(1));
        TestHttp.Answer expired =
                http.tokenRequest(DEMO_TARGET_CLIENT_ID, firstSecret, "grant_type=client_credentials");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void digestCreatesCloudManagerSecretAndApiKey() {
        TestHttp.Digest digest = http.new Digest(DEMO_PUBLIC_KEY, DEMO_PRIVATE_KEY);
        TestHttp.Answer secret = digest.post(
                CM_SECRETS + "?pretty=true",
                "{\"secretExpiresAfterHours\": \"3600\"}",
                "Accept",
                "application/json",
                "Content-Type",
                "application/json");
        assertThat(secret.status()).isEqualTo(201);
        assertThat(secret.raw().body()).contains("\n");
        assertThat(secret.json().has("secret")).isTrue();
        TestHttp.Answer key = digest.post(
                API_KEYS,
                "{\"desc\":\"New API key for test purposes\",\"roles\":[\"ORG_MEMBER\",\"ORG_OWNER\"]}",
                "Content-Type",
                "application/json");
        assertThat(key.status()).isEqualTo(200);
        JsonNode k = key.json();
        assertThat(k.get("publicKey").asText()).matches("^[a-z]{8}$");
        assertThat(k.get("links").get(0).get("href").asText())
                .endsWith("/apiKeys/" + k.get("id").asText());
        // the new key works at once
        TestHttp.Digest fresh =
                http.new Digest(k.get("publicKey").asText(), k.get("privateKey").asText());
        assertThat(fresh.post(
                                API_KEYS,
                                "{\"desc\":\"x\",\"roles\":[\"ORG_READ_ONLY\"]}",
                                "Content-Type",
                                "application/json")
                        .status())
                .isEqualTo(200);
        // a read-only key is not an owner: 401 USER_UNAUTHORIZED (issue 22, row 2: terraform-provider-mongodbatlas
        // #1371)
        TestHttp.Digest member = http.new Digest(DEMO_PUBLIC_KEY, DEMO_PRIVATE_KEY);
        JsonNode readOnly = member.post(
                        API_KEYS, "{\"desc\":\"ro\",\"roles\":[\"ORG_READ_ONLY\"]}", "Content-Type", "application/json")
                .json();
        TestHttp.Digest ro = http
        .new Digest(
                readOnly.get("publicKey").asText(), readOnly.get("privateKey").asText());
        TestHttp.Answer denied =
                ro.post(API_KEYS, "{\"desc\":\"x\",\"roles\":[\"ORG_OWNER\"]}", "Content-Type", "application/json");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.errorCode()).isEqualTo("USER_UNAUTHORIZED");
        assertThat(denied.json().get("detail").asText())
                .isEqualTo("Current user is not authorized to perform this action.");
    }

    @Test
    void digestNonceExpiryAndReplay() {
        TestHttp.Answer challenge = http.post(API_KEYS, "{}", "Content-Type", "application/json");
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.errorCode()).isEqualTo("USER_UNAUTHORIZED");
        assertThat(challenge.header("WWW-Authenticate"))
                .startsWith("Digest realm=\"MMS Public API\", domain=\"\", nonce=\"")
                .endsWith("algorithm=MD5, qop=\"auth\", stale=false");
        TestHttp.Digest d = http.new Digest(DEMO_PUBLIC_KEY, DEMO_PRIVATE_KEY);
        d.nonce = TestHttp.params(challenge.header("WWW-Authenticate")).get("nonce");
        String auth = d.authorization("POST", API_KEYS, 1);
        String body = "{\"desc\":\"d\",\"roles\":[\"ORG_MEMBER\"]}";
        assertThat(http.post(API_KEYS, body, "Content-Type", "application/json", "Authorization", auth)
                        .status())
                .isEqualTo(200);
        TestHttp.Answer replay = http.post(API_KEYS, body, "Content-Type", "application/json", "Authorization", auth);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.header("WWW-Authenticate")).endsWith("stale=false");
        emulator.clock().advance(Duration.ofMinutes(6));
        TestHttp.Answer stale = http.post(
                API_KEYS,
                body,
                "Content-Type",
                "application/json",
                "Authorization",
                d.authorization("POST", API_KEYS, 2));
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.header("WWW-Authenticate")).endsWith("stale=true");
        TestHttp.Digest wrongKey = http.new Digest(DEMO_PUBLIC_KEY, "00000000-0000-0000-0000-000000000000");
        wrongKey.nonce = d.nonce;
        String wrong = wrongKey.authorization("POST", API_KEYS, 3);
        assertThat(http.post(API_KEYS, body, "Content-Type", "application/json", "Authorization", wrong)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void bodyValidation() {
        expect(atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": 7}"), 400, "VALIDATION_ERROR");
        JsonNode fields = atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": 8761}")
                .json()
                .get("badRequestDetail")
                .get("fields");
        assertThat(fields.get(0).get("field").asText()).isEqualTo("secretExpiresAfterHours");
        assertThat(fields.get(0).get("description").asText()).isEqualTo("must be between 8 and 8760");
        expect(atlas(ORG_SECRETS, "{}"), 400, "MISSING_ATTRIBUTE");
        expect(atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": null}"), 400, "MISSING_ATTRIBUTE");
        expect(atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": \"8\"}"), 400, "INVALID_JSON_ATTRIBUTE");
        expect(atlas(ORG_SECRETS, "[1]"), 400, "INVALID_JSON");
        TestHttp.Answer unknown = atlas(ORG_SECRETS, "{\"secretExpiresAfterDays\": 8}");
        expect(unknown, 400, "INVALID_ATTRIBUTE");
        assertThat(unknown.json().get("parameters").get(0).asText()).isEqualTo("secretExpiresAfterDays");
        expect(atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": 8"), 400, "MALFORMED_JSON");
        expect(atlas(ORG_SECRETS, "{\"a\":1,\"a\":2}"), 400, "MALFORMED_JSON");
        expect(atlas(ORG_SECRETS, "[".repeat(33) + "]".repeat(33)), 400, "MALFORMED_JSON");
        expect(atlas(ORG_SECRETS, "[".repeat(32) + "]".repeat(32)), 400, "INVALID_JSON");
        expect(
                atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": 8" + " ".repeat(70_000) + "}"),
                413,
                "REQUEST_TOO_LARGE");
        String cm = "application/json";
        String auth = "Bearer " + token;
        expect(
                http.post(
                        CM_SECRETS,
                        "{\"secretExpiresAfterHours\": \"8767\"}",
                        "Authorization",
                        auth,
                        "Content-Type",
                        cm),
                400,
                "VALIDATION_ERROR");
        expect(
                http.post(CM_SECRETS, "{\"secretExpiresAfterHours\": true}", "Authorization", auth, "Content-Type", cm),
                400,
                "INVALID_JSON_ATTRIBUTE");
        expect(
                http.post(
                        API_KEYS,
                        "{\"desc\":\"\",\"roles\":[\"ORG_MEMBER\"]}",
                        "Authorization",
                        auth,
                        "Content-Type",
                        cm),
                400,
                "INVALID_API_KEY_DESC");
        expect(
                http.post(
                        API_KEYS,
                        "{\"desc\":\"" + "x".repeat(251) + "\",\"roles\":[\"ORG_MEMBER\"]}",
                        "Authorization",
                        auth,
                        "Content-Type",
                        cm),
                400,
                "INVALID_API_KEY_DESC");
        expect(
                http.post(API_KEYS, "{\"desc\":\"d\",\"roles\":[]}", "Authorization", auth, "Content-Type", cm),
                400,
                "MISSING_API_KEY_ROLES");
        expect(
                http.post(API_KEYS, "{\"desc\":\"d\"}", "Authorization", auth, "Content-Type", cm),
                400,
                "MISSING_API_KEY_ROLES");
        expect(
                http.post(API_KEYS, "{\"roles\":[\"ORG_MEMBER\"]}", "Authorization", auth, "Content-Type", cm),
                400,
                "MISSING_ATTRIBUTE");
        expect(
                http.post(
                        API_KEYS,
                        "{\"desc\":\"d\",\"roles\":[\"GROUP_OWNER\"]}",
                        "Authorization",
                        auth,
                        "Content-Type",
                        cm),
                400,
                "INVALID_ROLE_FOR_ORG");
    }

    @Test
    void requestShapeErrors() {
        String auth = "Bearer " + token;
        String body = "{\"secretExpiresAfterHours\": 8}";
        expect(http.send("GET", "/api/unknown", null), 404, "RESOURCE_NOT_FOUND");
        expect(http.send("GET", ORG_SECRETS, null), 405, "METHOD_NOT_ALLOWED");
        expect(http.send("DELETE", API_KEYS, null), 405, "METHOD_NOT_ALLOWED");
        expect(
                http.post(ORG_SECRETS, body, "Authorization", auth, "Accept", ATLAS, "Content-Type", "text/plain"),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        expect(
                http.post(
                        ORG_SECRETS,
                        body,
                        "Authorization",
                        auth,
                        "Accept",
                        "application/vnd.atlas.2023-01-01+json",
                        "Content-Type",
                        ATLAS),
                406,
                "INVALID_VERSION_DATE");
        expect(
                http.post(
                        ORG_SECRETS,
                        body,
                        "Authorization",
                        auth,
                        "Accept",
                        "application/vnd.atlas.2024-13-99+json",
                        "Content-Type",
                        ATLAS),
                406,
                "INVALID_VERSION_DATE");
        expect(
                http.post(ORG_SECRETS, body, "Authorization", auth, "Content-Type", "application/json"),
                406,
                "INVALID_VERSION_DATE");
        // A later date is not a version of the operation: 406, no fallback to 2024-08-05 (the versioning page).
        expect(
                http.post(
                        ORG_SECRETS,
                        body,
                        "Authorization",
                        auth,
                        "Accept",
                        "application/vnd.atlas.2025-03-12+json",
                        "Content-Type",
                        "application/json"),
                406,
                "INVALID_VERSION_DATE");
        // 2024-08-05 is not a version of the API-key operations (2023-01-01 only).
        expect(
                http.send(
                        "GET",
                        "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/apiKeys",
                        null,
                        "Authorization",
                        auth,
                        "Accept",
                        ATLAS),
                406,
                "INVALID_VERSION_DATE");
        // no Accept: the versioned Content-Type names the version (the documentation's project curl)
        assertThat(http.post(GROUP_SECRETS, body, "Authorization", auth, "Content-Type", ATLAS)
                        .status())
                .isEqualTo(201);
        expect(
                http.post(
                        "/api/atlas/v2/orgs/XYZ/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets",
                        body,
                        "Authorization",
                        auth,
                        "Accept",
                        ATLAS,
                        "Content-Type",
                        ATLAS),
                404,
                "INVALID_ORG_ID");
        expect(
                http.post(
                        "/api/atlas/v2/groups/XYZ/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets",
                        body,
                        "Authorization",
                        auth,
                        "Accept",
                        ATLAS,
                        "Content-Type",
                        ATLAS),
                404,
                "INVALID_GROUP_ID");
        expect(
                http.post(
                        "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/serviceAccounts/mdb_sa_id_x/secrets",
                        body,
                        "Authorization",
                        auth,
                        "Accept",
                        ATLAS,
                        "Content-Type",
                        ATLAS),
                400,
                "INVALID_PATH_PARAMETER");
        expect(
                http.post(
                        ORG_SECRETS + "?envelope=yes",
                        body,
                        "Authorization",
                        auth,
                        "Accept",
                        ATLAS,
                        "Content-Type",
                        ATLAS),
                400,
                "INVALID_QUERY_PARAMETER");
        expect(
                http.post(
                        CM_SECRETS + "?itemsPerPage=501",
                        body,
                        "Authorization",
                        auth,
                        "Content-Type",
                        "application/json"),
                400,
                "INVALID_QUERY_PARAMETER");
        expect(
                http.post(CM_SECRETS + "?pageNum=0", body, "Authorization", auth, "Content-Type", "application/json"),
                400,
                "INVALID_QUERY_PARAMETER");
        expect(
                http.post(
                        "/api/atlas/v2/orgs/aaaaaaaaaaaaaaaaaaaaaaaa/serviceAccounts/" + DEMO_TARGET_CLIENT_ID
                                + "/secrets",
                        body,
                        "Authorization",
                        auth,
                        "Accept",
                        ATLAS,
                        "Content-Type",
                        ATLAS),
                404,
                "ORG_NOT_FOUND");
        expect(
                http.post(
                        "/api/atlas/v2/groups/aaaaaaaaaaaaaaaaaaaaaaaa/serviceAccounts/" + DEMO_TARGET_CLIENT_ID
                                + "/secrets",
                        body,
                        "Authorization",
                        auth,
                        "Accept",
                        ATLAS,
                        "Content-Type",
                        ATLAS),
                404,
                "GROUP_NOT_FOUND");
        expect(
                http.post(
                        "/api/atlas/v2/orgs/" + DEMO_ORG_ID
                                + "/serviceAccounts/mdb_sa_id_aaaaaaaaaaaaaaaaaaaaaaaa/secrets",
                        body,
                        "Authorization",
                        auth,
                        "Accept",
                        ATLAS,
                        "Content-Type",
                        ATLAS),
                404,
                "RESOURCE_NOT_FOUND");
        expect(
                http.post(ORG_SECRETS, body, "Authorization", "Bearer nope", "Accept", ATLAS, "Content-Type", ATLAS),
                401,
                "USER_UNAUTHORIZED");
        TestHttp.Answer enveloped = http.post(
                ORG_SECRETS + "?envelope=true", "{}", "Authorization", auth, "Accept", ATLAS, "Content-Type", ATLAS);
        assertThat(enveloped.status()).isEqualTo(200);
        assertThat(enveloped.json().get("status").asInt()).isEqualTo(400);
        assertThat(enveloped.json().get("content").get("errorCode").asText()).isEqualTo("MISSING_ATTRIBUTE");
    }

    @Test
    void otherOrganizationIsUnauthorized() {
        emulator.loadSeed(io.github.atlascredentials.emulator.seed.SeedParser.parse(
                "test",
                ("{\"organizations\":[{\"id\":\"bbbbbbbbbbbbbbbbbbbbbbbb\","
                                + "\"serviceAccounts\":[{\"clientId\":\"mdb_sa_id_bbbbbbbbbbbbbbbbbbbbbbbb\",\"roles\":[\"ORG_OWNER\"],"
                                + "\"secrets\":[{\"secret\":\"mdb_sa_sk_" + "b".repeat(40)
                                + "\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}]}]}]}")
                        .getBytes()));
        String other = http.token("mdb_sa_id_bbbbbbbbbbbbbbbbbbbbbbbb", "mdb_sa_sk_" + "b".repeat(40));
        expect(
                http.post(
                        ORG_SECRETS,
                        "{\"secretExpiresAfterHours\": 8}",
                        "Authorization",
                        "Bearer " + other,
                        "Accept",
                        ATLAS,
                        "Content-Type",
                        ATLAS),
                401,
                "USER_UNAUTHORIZED");
    }

    @Test
    void tokenEndpointRules() {
        TestHttp.Answer ok = http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials");
        assertThat(ok.json().get("expires_in").asInt()).isEqualTo(3600);
        assertThat(ok.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(ok.header("Cache-Control")).isEqualTo("no-store");
        assertThat(http.tokenRequest(DEMO_CLIENT_ID, "wrong", "grant_type=client_credentials")
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("invalid_client");
        assertThat(http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=password")
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("unsupported_grant_type");
        assertThat(http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "")
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("invalid_request");
        // revoke: the token is refused at once
        String t = ok.json().get("access_token").asText();
        TestHttp.Answer revoked = http.post(
                "/api/oauth/revoke",
                "token=" + t + "&token_type_hint=access_token",
                "Authorization",
                TestHttp.basic(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.raw().body()).isEmpty();
        expect(
                http.post(
                        ORG_SECRETS,
                        "{\"secretExpiresAfterHours\": 8}",
                        "Authorization",
                        "Bearer " + t,
                        "Accept",
                        ATLAS,
                        "Content-Type",
                        ATLAS),
                401,
                "USER_UNAUTHORIZED");
        // tokens expire after 3600 s
        emulator.clock().advance(Duration.ofSeconds(3600));
        expect(atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": 8}"), 401, "USER_UNAUTHORIZED");
    }

    @Test
    void tokenRateLimitAndActiveTokenLimit() {
        int used = 2; // the token of @BeforeEach and this window's requests so far
        TestHttp.Answer last = null;
        for (int i = used; i <= 10; i++) {
            last = http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials");
            assertThat(last.status()).isEqualTo(200);
        }
        assertThat(last.header("RateLimit-Remaining")).isEqualTo("0");
        TestHttp.Answer limited =
                http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials");
        expect(limited, 429, "RATE_LIMITED");
        assertThat(limited.json().get("parameters").toString()).isEqualTo("[\"/api/oauth/token\",10,1]");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        // 10 tokens are active now; nine more windows reach 100 active tokens, then access_denied
        for (int window = 0; window < 10; window++) {
            emulator.clock().advance(Duration.ofSeconds(61));
            for (int i = 0; i < 10; i++) {
                TestHttp.Answer a =
                        http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials");
                if (a.status() == 403) {
                    assertThat(a.json().get("error").asText()).isEqualTo("access_denied");
                    assertThat(a.json().get("error_description").asText()).startsWith("Access Token limit reached.");
                    return;
                }
            }
        }
        throw new AssertionError("the 101st active token was not refused");
    }

    @Test
    void concurrentBurstCreatesExactlyTwoSecrets() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() ->
                        atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": 8}").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            // Creates that meet another one in progress are refused (409 DATA_CONCURRENCY_ERROR), the
            // others see the limit (400): never more than 2 secrets, and a later create fills the slots.
            assertThat(statuses).filteredOn(s -> s == 201).hasSizeBetween(1, 2);
            assertThat(statuses).filteredOn(s -> s != 201).isSubsetOf(400, 409);
            int created = (int) statuses.stream().filter(s -> s == 201).count();
            while (created < 2) {
                assertThat(atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": 8}")
                                .status())
                        .isEqualTo(201);
                created++;
            }
            expect(atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": 8}"), 400, "MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void testSupportEndpoints() {
        assertThat(http.send("GET", "/_emulator/health", null)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("UP");
        Instant before = Instant.parse(
                http.send("GET", "/_emulator/clock", null).json().get("now").asText());
        assertThat(http.post("/_emulator/clock/advance?seconds=0", "").status())
                .as("standing still is allowed")
                .isEqualTo(200);
        Instant after = Instant.parse(http.post("/_emulator/clock/advance?seconds=7200", "")
                .json()
                .get("now")
                .asText());
        assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofSeconds(7200));
        assertThat(http.post("/_emulator/seed", "{\"organizations\":[{\"id\":\"x\"}]}")
                        .json()
                        .get("detail")
                        .asText())
                .contains("$.organizations[0].id");
        assertThat(http.post("/_emulator/reset", "").status()).isEqualTo(200);
    }

    static void expect(TestHttp.Answer a, int status, String errorCode) {
        assertThat(a.status()).as(a.raw().body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        assertThat(a.errorCode()).isEqualTo(errorCode);
        assertThat(a.json().get("error").asInt()).isEqualTo(status);
    }
}
