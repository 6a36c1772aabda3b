package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_SECRET;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_ORG_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_TARGET_CLIENT_ID;
import static io.github.atlascredentials.emulator.EmulatorBehaviourTest.ATLAS;
import static io.github.atlascredentials.emulator.EmulatorBehaviourTest.CM_SECRETS;
import static io.github.atlascredentials.emulator.EmulatorBehaviourTest.GROUP_SECRETS;
import static io.github.atlascredentials.emulator.EmulatorBehaviourTest.ORG_SECRETS;
import static io.github.atlascredentials.emulator.EmulatorBehaviourTest.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.emulator.state.SecretCreations;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The answers issue 15 changed to what the sources document (see the spec's {@code x-error-codes}):
 * each test names the answer and its source.
 */
class FidelityTest {
    private static final String BODY = "{\"secretExpiresAfterHours\": 8}";
    private AtlasEmulator emulator;
    private TestHttp http;
    private String token;

    @BeforeEach
    void start() {
        start(AtlasEmulator.builder().port(0));
    }

    private void start(AtlasEmulator.Builder builder) {
        if (emulator != null) {
            emulator.close();
        }
        emulator = builder.start();
        http = new TestHttp(emulator.baseUri());
        token = http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private TestHttp.Answer atlas(String path, String body) {
        return http.post(path, body, "Authorization", "Bearer " + token, "Accept", ATLAS, "Content-Type", ATLAS);
    }

    /** Error list: INVALID_ORG_ID / INVALID_GROUP_ID, 404, "An invalid ... ID <ID> was specified." */
    @Test
    void malformedOrgOrProjectIdIs404InvalidOrgOrGroupId() {
        TestHttp.Answer org =
                atlas("/api/atlas/v2/orgs/not-an-id/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets", BODY);
        expect(org, 404, "INVALID_ORG_ID");
        assertThat(org.json().get("detail").asText()).isEqualTo("An invalid organization ID not-an-id was specified.");
        assertThat(org.json().get("parameters").toString()).isEqualTo("[\"not-an-id\"]");
        TestHttp.Answer group = atlas(
                "/api/atlas/v2/groups/NOT0000000000000000000000/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets",
                BODY);
        expect(group, 404, "INVALID_GROUP_ID");
        assertThat(group.json().get("detail").asText())
                .isEqualTo("An invalid group ID NOT0000000000000000000000 was specified.");
        // Precedence: the malformed id is answered before the missing credentials.
        expect(
                http.post("/api/public/v1.0/orgs/XYZ/apiKeys", "{}", "Content-Type", "application/json"),
                404,
                "INVALID_ORG_ID");
        // A malformed clientId has no documented code: still 400 INVALID_PATH_PARAMETER.
        expect(
                atlas("/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/serviceAccounts/nope/secrets", BODY),
                400,
                "INVALID_PATH_PARAMETER");
    }

    /** Error list: INVALID_JSON_ATTRIBUTE, "Received JSON for the %s attribute does not match expected format." */
    @Test
    void wrongJsonTypeIsInvalidJsonAttribute() {
        TestHttp.Answer a = atlas(ORG_SECRETS, "{\"secretExpiresAfterHours\": [8]}");
        expect(a, 400, "INVALID_JSON_ATTRIBUTE");
        assertThat(a.json().get("detail").asText())
                .isEqualTo("Received JSON for the secretExpiresAfterHours attribute does not match expected format.");
        assertThat(a.json().get("parameters").toString()).isEqualTo("[\"secretExpiresAfterHours\"]");
        TestHttp.Answer notAnObject = atlas(ORG_SECRETS, "\"8\"");
        expect(notAnObject, 400, "INVALID_JSON");
        assertThat(notAnObject.json().get("detail").asText())
                .isEqualTo("Received JSON does not match expected format.");
    }

    /** Error list: USER_UNAUTHORIZED, "Current user is not authorized to perform this action." */
    @Test
    void userUnauthorizedHasTheDocumentedWording() {
        TestHttp.Answer a =
                http.post(ORG_SECRETS, BODY, "Authorization", "Bearer nope", "Accept", ATLAS, "Content-Type", ATLAS);
        expect(a, 401, "USER_UNAUTHORIZED");
        assertThat(a.json().get("detail").asText()).isEqualTo("Current user is not authorized to perform this action.");
        assertThat(a.header("WWW-Authenticate")).startsWith("Digest realm=\"MMS Public API\"");
    }

    /** Rate-limit page: token bucket per endpoint set and scope, RATE_LIMITED_TOKEN_BUCKET [path, retryAfter, capacity, refill, seconds]. */
    @Test
    void atlasOperationsUseTokenBucketsPerOrganizationAndProject() {
        // A fixed base clock: only advance() moves time, so Retry-After is exact however slow the machine.
        start(AtlasEmulator.builder()
                .port(0)
                .atlasRateLimit(3, 2, 60)
                .clock(new EmulatorClock(java.time.Clock.fixed(
                        java.time.Instant.parse("2026-06-01T00:00:00Z"), java.time.ZoneOffset.UTC))));
        for (int i = 0; i < 3; i++) {
            TestHttp.Answer a = atlas(ORG_SECRETS, "{}"); // refused by validation, but counted
            expect(a, 400, "MISSING_ATTRIBUTE");
            assertThat(a.header("RateLimit-Limit")).isEqualTo("3");
            assertThat(a.header("RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
        }
        TestHttp.Answer limited = atlas(ORG_SECRETS, BODY);
        expect(limited, 429, "RATE_LIMITED_TOKEN_BUCKET");
        String path = "api/atlas/v2/orgs/{orgId}/serviceAccounts/{clientId}/secrets";
        assertThat(limited.json().get("parameters").toString()).isEqualTo("[\"" + path + "\",60,3,2,60]");
        assertThat(limited.json().get("detail").asText())
                .isEqualTo("Rate limit exceeded for " + path
                        + ". Please retry after 60 seconds. Request capacity: 3. Refill rate: 2 per 60 seconds.");
        assertThat(limited.header("Retry-After")).isEqualTo("60");
        // The project has its own bucket; Cloud Manager operations are not counted in it.
        assertThat(atlas(GROUP_SECRETS, BODY).status()).isEqualTo(201);
        assertThat(http.post(CM_SECRETS, BODY, "Authorization", "Bearer " + token, "Content-Type", "application/json")
                        .status())
                .isEqualTo(201);
        emulator.clock().advance(Duration.ofSeconds(30));
        assertThat(atlas(ORG_SECRETS, BODY).header("Retry-After")).isEqualTo("30");
        emulator.clock().advance(Duration.ofSeconds(30));
        // One refill of 2 tokens: two requests pass, the third waits for the next refill.
        expect(atlas(ORG_SECRETS, BODY), 400, "MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED");
        expect(atlas(ORG_SECRETS, BODY), 400, "MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED");
        expect(atlas(ORG_SECRETS, BODY), 429, "RATE_LIMITED_TOKEN_BUCKET");
    }

    /** Issue 22, row 1: 10 a minute by default, the live answer quoted in terraform-provider-mongodbatlas pull request #3791. */
    @Test
    void tokenEndpointLimitDefaultsToTheObservedTenAMinute() {
        assertThat(SpecFacts.TOKEN_REQUESTS_PER_MINUTE).isEqualTo(10);
        start(AtlasEmulator.builder().port(0));
        TestHttp.Answer last = null;
        for (int i = 0; i < 10; i++) { // the token of start() was the first
            last = http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials");
        }
        expect(last, 429, "RATE_LIMITED");
        assertThat(last.json().get("detail").asText())
                .isEqualTo("Resource /api/oauth/token is limited to 10 requests every 1 minutes.");
        assertThat(last.json().get("parameters").toString()).isEqualTo("[\"/api/oauth/token\",10,1]");
        assertThat(last.header("Retry-After")).isNotNull();
    }

    /** Terraform rotation guide: two creates at once for one account, the second is 409 DATA_CONCURRENCY_ERROR. */
    @Test
    void secondCreateWhileOneIsInProgressIsDataConcurrencyError() throws Exception {
        CompletableFuture<TestHttp.Answer> first;
        // snippet:start hold-secret-creations
        try (SecretCreations.Hold hold = emulator.holdSecretCreations(DEMO_TARGET_CLIENT_ID)) {
            first = CompletableFuture.supplyAsync(() -> atlas(ORG_SECRETS, BODY));
            assertThat(hold.awaitHeld(Duration.ofSeconds(10)))
                    .as("the first create arrived")
                    .isTrue();
            TestHttp.Answer second = atlas(GROUP_SECRETS, BODY); // meets the first one in progress
            expect(second, 409, "DATA_CONCURRENCY_ERROR");
            // snippet:end hold-secret-creations
            assertThat(second.json().get("reason").asText()).isEqualTo("Conflict");
            assertThat(second.json().get("parameters").toString()).isEqualTo("[\"" + DEMO_TARGET_CLIENT_ID + "\"]");
            assertThat(second.raw().body()).doesNotContain("mdb_sa_sk_");
        }
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
        // The refused create took no slot: one more fits, then the limit.
        assertThat(atlas(ORG_SECRETS, BODY).status()).isEqualTo(201);
        expect(atlas(ORG_SECRETS, BODY), 400, "MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED");
        assertThatThrownBy(() -> emulator.failNextRequest("noSuchOperation", 500, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** OAuth pages: 500 is {"error":"server_error","error_description":"Unexpected error."}; 503 is documented too. */
    @Test
    void oauthFaultsAreOAuthShaped() {
        // snippet:start fail-next-request
        emulator.failNextRequest("requestAccessToken", 500, null);
        TestHttp.Answer a = http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.raw().body())
                .isEqualTo("{\"error\":\"server_error\",\"error_description\":\"Unexpected error.\"}");
        // snippet:end fail-next-request
        emulator.failNextRequest("revokeAccessToken", 503, 7L);
        TestHttp.Answer b = http.post(
                "/api/oauth/revoke",
                "token=x",
                "Authorization",
                TestHttp.basic(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(b.status()).isEqualTo(503);
        assertThat(b.json().get("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(b.header("Retry-After")).isEqualTo("7");
        emulator.failNextRequest("createOrgServiceAccountSecret", 503, null);
        expect(atlas(ORG_SECRETS, BODY), 503, "SERVICE_UNAVAILABLE");
        assertThat(atlas(ORG_SECRETS, BODY).status())
                .as("one fault fails one request")
                .isEqualTo(201);
    }

    /** OAuth pages: pretty and envelope; the 401 challenge is Basic, as the spec now says. */
    @Test
    void oauthEndpointsTakePrettyAndEnvelopeAndChallengeWithBasic() {
        TestHttp.Answer pretty = http.post(
                "/api/oauth/token?pretty=true",
                "grant_type=client_credentials",
                "Authorization",
                TestHttp.basic(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(pretty.status()).isEqualTo(200);
        assertThat(pretty.raw().body()).contains("\n");
        // Issue 22, row 9: envelope is ignored on the OAuth endpoints (the spec documents no enveloped OAuth answer).
        TestHttp.Answer enveloped = http.post(
                "/api/oauth/token?envelope=true",
                "grant_type=client_credentials",
                "Authorization",
                TestHttp.basic(DEMO_CLIENT_ID, "mdb_sa_sk_wrong"),
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(enveloped.status()).isEqualTo(401);
        assertThat(enveloped.json().has("content")).isFalse();
        assertThat(enveloped.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(enveloped.json().get("error_description").asText()).isEqualTo("Invalid credentials provided.");
        TestHttp.Answer refused = http.tokenRequest(DEMO_CLIENT_ID, "mdb_sa_sk_wrong", "grant_type=client_credentials");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Basic realm=\"MMS Public API\"");
        assertThat(refused.raw().body()).doesNotContain("mdb_sa_sk_wrong");
    }

    /** Revoke page documents 403: a token of another service account is not revoked (RFC 7009 section 2.1). */
    @Test
    void revokingAnotherAccountsTokenIsForbiddenAndLeavesItValid() {
        TestHttp.Answer created = atlas(ORG_SECRETS, BODY);
        String otherSecret = created.json().get("secret").asText();
        TestHttp.Answer refused = http.post(
                "/api/oauth/revoke",
                "token=" + token,
                "Authorization",
                TestHttp.basic(DEMO_TARGET_CLIENT_ID, otherSecret),
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("access_denied");
        assertThat(refused.raw().body()).doesNotContain(token).doesNotContain(otherSecret);
        assertThat(atlas(ORG_SECRETS, BODY).status()).isEqualTo(201);
        assertThat(http.post(
                                "/api/oauth/revoke",
                                "token=unknown",
                                "Authorization",
                                TestHttp.basic(DEMO_TARGET_CLIENT_ID, otherSecret),
                                "Content-Type",
                                "application/x-www-form-urlencoded")
                        .status())
                .isEqualTo(200);
    }

    /** The same switches over HTTP, for verifiers and tests outside the JVM. */
    @Test
    void testSupportEndpointsArmFaultsHoldsAndBuckets() throws Exception {
        assertThat(http.post("/_emulator/faults?operationId=createOrgServiceAccountSecret&status=503&retryAfter=3", "")
                        .status())
                .isEqualTo(200);
        TestHttp.Answer failed = atlas(ORG_SECRETS, BODY);
        expect(failed, 503, "SERVICE_UNAVAILABLE");
        assertThat(failed.header("Retry-After")).isEqualTo("3");
        emulator.failNextRequest("createOrgServiceAccountSecret", 503, 0L); // "retry at once" is a valid fault
        assertThat(atlas(ORG_SECRETS, BODY).header("Retry-After")).isEqualTo("0");
        assertThatThrownBy(() -> emulator.failNextRequest("createOrgServiceAccountSecret", 503, -1L))
                .isInstanceOf(IllegalArgumentException.class);
        expect(http.post("/_emulator/faults?operationId=nope&status=500", ""), 400, "INVALID_QUERY_PARAMETER");
        expect(
                http.post("/_emulator/faults?operationId=requestAccessToken&status=404", ""),
                400,
                "INVALID_QUERY_PARAMETER");

        assertThat(http.post("/_emulator/secret-creations/hold?clientId=" + DEMO_TARGET_CLIENT_ID, "")
                        .json()
                        .get("armed")
                        .asBoolean())
                .isTrue();
        CompletableFuture<TestHttp.Answer> first = CompletableFuture.supplyAsync(() -> atlas(ORG_SECRETS, BODY));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!http.send("GET", "/_emulator/secret-creations/hold?clientId=" + DEMO_TARGET_CLIENT_ID, null)
                .json()
                .get("held")
                .asBoolean()) {
            assertThat(System.nanoTime()).as("the first create arrived").isLessThan(deadline);
            Thread.sleep(5);
        }
        expect(atlas(ORG_SECRETS, BODY), 409, "DATA_CONCURRENCY_ERROR");
        TestHttp.Answer released =
                http.post("/_emulator/secret-creations/release?clientId=" + DEMO_TARGET_CLIENT_ID, "");
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
        assertThat(released.json().get("held").asBoolean()).as("no longer held").isFalse();
        assertThat(http.post("/_emulator/secret-creations/release", "").status())
                .as("no client: nothing to release")
                .isEqualTo(200);

        assertThat(http.post("/_emulator/rate-limits/atlas?capacity=1&refill=1&seconds=1", "")
                        .status())
                .as("1 is the least of each")
                .isEqualTo(200);
        expect(
                http.post("/_emulator/rate-limits/atlas?capacity=1&refill=1&seconds=0", ""),
                400,
                "INVALID_QUERY_PARAMETER");
        assertThat(http.post("/_emulator/rate-limits/atlas?capacity=1&refill=1&seconds=60", "")
                        .status())
                .isEqualTo(200);
        expect(
                http.post("/_emulator/rate-limits/atlas?capacity=0&refill=1&seconds=60", ""),
                400,
                "INVALID_QUERY_PARAMETER");
        assertThat(atlas(ORG_SECRETS, BODY).status()).isEqualTo(201);
        expect(atlas(ORG_SECRETS, BODY), 429, "RATE_LIMITED_TOKEN_BUCKET");
        emulator.reset(); // back to the configured buckets (and no tokens)
        token = http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
        assertThat(atlas(ORG_SECRETS, BODY).status()).isEqualTo(201);
    }
}
