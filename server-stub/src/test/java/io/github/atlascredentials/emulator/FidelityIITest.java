package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_SECRET;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_PRIVATE_KEY;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_PUBLIC_KEY;
import static io.github.atlascredentials.emulator.EmulatorBehaviourTest.CM_SECRETS;
import static io.github.atlascredentials.emulator.EmulatorBehaviourTest.expect;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The error side of issue 22 ("Fidelity II"): each test names the row of the issue and the source it follows. */
class FidelityIITest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private AtlasEmulator emulator;
    private TestHttp http;

    @BeforeEach
    void start() {
        emulator = AtlasEmulator.builder().port(0).start();
        http = new TestHttp(emulator.baseUri());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /**
     * Row 8: the Cloud Manager secret path without its trailing slash is the same operation for every
     * scheme (the emulator treats a trailing slash as optional on every route). Digest used to fail there
     * because it compared the signed URI with the path routing had completed.
     */
    @Test
    void cloudManagerSecretPathWithoutTheTrailingSlashIsTheSameOperationForDigestAndBearer() {
        String withoutSlash = CM_SECRETS.substring(0, CM_SECRETS.length() - 1);
        String body = "{\"secretExpiresAfterHours\": 8}";
        TestHttp.Answer digest = http.new Digest(DEMO_PUBLIC_KEY, DEMO_PRIVATE_KEY)
                .post(withoutSlash, body, "Accept", "application/json", "Content-Type", "application/json");
        assertThat(digest.status()).as(digest.raw().body()).isEqualTo(201);
        emulator.reset();
        String token = http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
        TestHttp.Answer bearer = http.post(
                withoutSlash,
                body,
                "Authorization",
                "Bearer " + token,
                "Accept",
                "application/json",
                "Content-Type",
                "application/json");
        assertThat(bearer.status()).as(bearer.raw().body()).isEqualTo(201);
    }

    /** Row 9: an invalid query parameter on the OAuth endpoints is an OAuth error, not an ApiError. */
    @Test
    void invalidQueryParametersOnTheOAuthEndpointsAreOAuthShaped() {
        TestHttp.Answer token = http.post(
                "/api/oauth/token?pretty=null",
                "grant_type=client_credentials",
                "Authorization",
                TestHttp.basic(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
                "Content-Type",
                FORM);
        assertOAuthInvalidRequest(token, "pretty");
        TestHttp.Answer revoke = http.post(
                "/api/oauth/revoke?envelope=maybe",
                "token=abc",
                "Authorization",
                TestHttp.basic(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
                "Content-Type",
                FORM);
        assertOAuthInvalidRequest(revoke, "envelope");
    }

    /** Row 9: envelope=true is ignored on the OAuth endpoints; the spec documents no enveloped OAuth answer. */
    @Test
    void envelopeIsIgnoredOnTheOAuthEndpoints() {
        TestHttp.Answer token = http.post(
                "/api/oauth/token?envelope=true",
                "grant_type=client_credentials",
                "Authorization",
                TestHttp.basic(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
                "Content-Type",
                FORM);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().has("access_token")).isTrue();
        assertThat(token.json().has("content")).isFalse();
        TestHttp.Answer revoke = http.post(
                "/api/oauth/revoke?envelope=true",
                "token=",
                "Authorization",
                TestHttp.basic(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
                "Content-Type",
                FORM);
        // Row 9 as well: an empty token is refused, as the spec now says (minLength: 1).
        assertThat(revoke.status()).isEqualTo(400);
        assertThat(revoke.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(revoke.json().has("content")).isFalse();
    }

    /** Row 10: the documented error_description of invalid_client. */
    @Test
    void invalidClientHasTheDocumentedDescription() {
        TestHttp.Answer refused = http.tokenRequest(DEMO_CLIENT_ID, "mdb_sa_sk_wrong", "grant_type=client_credentials");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(refused.json().get("error_description").asText()).isEqualTo("Invalid credentials provided.");
    }

    /** Row 2: a credential without the role answers 401 USER_UNAUTHORIZED with the observed text, without a challenge. */
    @Test
    void aCredentialWithoutTheRoleIsUserUnauthorizedWithoutAChallenge() {
        TestHttp.Digest owner = http.new Digest(DEMO_PUBLIC_KEY, DEMO_PRIVATE_KEY);
        var readOnly = owner.post(
                        EmulatorBehaviourTest.API_KEYS,
                        "{\"desc\":\"ro\",\"roles\":[\"ORG_READ_ONLY\"]}",
                        "Content-Type",
                        "application/json")
                .json();
        TestHttp.Answer denied = http
                .new Digest(
                        readOnly.get("publicKey").asText(),
                        readOnly.get("privateKey").asText())
                .post(CM_SECRETS, "{\"secretExpiresAfterHours\": 8}", "Content-Type", "application/json");
        expect(denied, 401, "USER_UNAUTHORIZED");
        assertThat(denied.json().get("detail").asText())
                .isEqualTo("Current user is not authorized to perform this action.");
        assertThat(denied.header("WWW-Authenticate")).isNull();
    }

    private static void assertOAuthInvalidRequest(TestHttp.Answer answer, String parameter) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(answer.json().get("error_description").asText()).contains(parameter);
        assertThat(answer.json().has("errorCode")).isFalse();
    }
}
