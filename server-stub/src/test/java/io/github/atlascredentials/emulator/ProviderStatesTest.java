package io.github.atlascredentials.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.emulator.pact.PactFixtures;
import io.github.atlascredentials.emulator.pact.ProviderState;
import io.github.atlascredentials.emulator.pact.ProviderStateCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /_emulator/pact/provider-states} on an emulator started as guide 5 says (the demo seed): every
 * state of the catalogue sets up, the fixture credentials then work as a pact recorded them, and bad calls get
 * clear 400s.
 */
class ProviderStatesTest {
    private static final String STATES = "/_emulator/pact/provider-states";
    private static final String ATLAS = "application/vnd.atlas.2024-08-05+json";
    private static AtlasEmulator emulator;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        emulator = AtlasEmulator.builder().port(0).start(); // the built-in demo seed
        http = new TestHttp(emulator.baseUri());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static TestHttp.Answer setup(String body) {
        return http.post(STATES, body, "Content-Type", "application/json");
    }

    private static String state(String name) {
        return "{\"state\": \"" + name + "\", \"params\": {}, \"action\": \"setup\"}";
    }

    @Test
    void everyStateOfTheCatalogueSetsUpOnTheDemoSeed() {
        for (ProviderState state : ProviderStateCatalogue.states()) {
            TestHttp.Answer answer = setup(state(state.name()));
            assertThat(answer.status())
                    .as("%s: %s", state.name(), answer.raw().body())
                    .isEqualTo(200);
            assertThat(answer.raw().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        }
    }

    @Test
    void theFixtureBearerTokenActsForTheCallerOnlyAfterAState() {
        String secrets = "/api/atlas/v2/orgs/" + PactFixtures.ORG_ID + "/serviceAccounts/"
                + PactFixtures.TARGET_CLIENT_ID + "/secrets";
        String[] headers = {
            "Authorization", "Bearer " + PactFixtures.ACCESS_TOKEN, "Content-Type", ATLAS, "Accept", ATLAS
        };
        assertThat(setup("{\"action\": \"teardown\"}").status()).isEqualTo(200);
        assertThat(http.post(secrets, "{\"secretExpiresAfterHours\": 8}", headers)
                        .status())
                .isEqualTo(401);

        assertThat(setup(state("the target service account has one secret")).status())
                .isEqualTo(200);
        TestHttp.Answer created = http.post(secrets, "{\"secretExpiresAfterHours\": 8}", headers);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);

        assertThat(setup(state("the caller's access token has expired")).status())
                .isEqualTo(200);
        assertThat(http.post(secrets, "{\"secretExpiresAfterHours\": 8}", headers)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theFixtureClientSecretObtainsATokenInTheOAuthStates() {
        assertThat(setup(state("the service account has a valid secret")).status())
                .isEqualTo(200);
        assertThat(http.tokenRequest(
                                PactFixtures.TARGET_CLIENT_ID,
                                PactFixtures.CLIENT_SECRET,
                                "grant_type=client_credentials")
                        .status())
                .isEqualTo(200);
        assertThat(setup(state("the presented client secret is wrong")).status())
                .isEqualTo(200);
        assertThat(http.tokenRequest(
                                PactFixtures.TARGET_CLIENT_ID,
                                PactFixtures.CLIENT_SECRET,
                                "grant_type=client_credentials")
                        .status())
                .isEqualTo(401);
        assertThat(setup(state("the service account has used up its token requests for this minute"))
                        .status())
                .isEqualTo(200);
        assertThat(http.tokenRequest(
                                PactFixtures.TARGET_CLIENT_ID,
                                PactFixtures.CLIENT_SECRET,
                                "grant_type=client_credentials")
                        .status())
                .isEqualTo(429);
    }

    @Test
    void aRecordedDigestAnswerToTheFixedNonceReplays() {
        String path = "/api/public/v1.0/orgs/" + PactFixtures.ORG_ID + "/apiKeys";
        String body = "{\"desc\": \"replayed\", \"roles\": [\"ORG_MEMBER\"]}";
        assertThat(setup(state("the caller is an API key with the Organization Owner role"))
                        .status())
                .isEqualTo(200);
        TestHttp.Answer challenge =
                http.post(path, body, "Content-Type", "application/json", "Accept", "application/json");
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(TestHttp.params(challenge.header("WWW-Authenticate")).get("nonce"))
                .isEqualTo(PactFixtures.DIGEST_NONCE);

        TestHttp.Digest digest = http.new Digest(PactFixtures.API_KEY_PUBLIC_KEY, PactFixtures.API_KEY_PRIVATE_KEY);
        digest.nonce = PactFixtures.DIGEST_NONCE;
        String recorded = digest.authorization("POST", path, 1);
        for (int replay = 0; replay < 2; replay++) {
            TestHttp.Answer answer = http.post(
                    path,
                    body,
                    "Content-Type",
                    "application/json",
                    "Accept",
                    "application/json",
                    "Authorization",
                    recorded);
            assertThat(answer.status())
                    .as("replay %d: %s", replay, answer.raw().body())
                    .isEqualTo(200);
        }

        // Outside such a state the nonce is an ordinary unknown one again: answered stale, not accepted.
        assertThat(setup("{\"action\": \"teardown\"}").status()).isEqualTo(200);
        assertThat(http.post(
                                path,
                                body,
                                "Content-Type",
                                "application/json",
                                "Accept",
                                "application/json",
                                "Authorization",
                                recorded)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void parametersShapeTheState() {
        TestHttp.Answer answer = setup("{\"state\": \"a service account with secrets\", \"params\": {\"secrets\": 2}, "
                + "\"action\": \"setup\"}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(emulator.clock()).isNotNull();
        TestHttp.Answer read = http.send(
                "GET",
                "/api/atlas/v2/orgs/" + PactFixtures.ORG_ID + "/serviceAccounts/" + PactFixtures.TARGET_CLIENT_ID,
                null,
                "Authorization",
                "Bearer " + PactFixtures.ACCESS_TOKEN,
                "Accept",
                ATLAS);
        assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
        assertThat(read.json().path("secrets").size()).isEqualTo(2);

        TestHttp.Answer bad =
                setup("{\"state\": \"a service account with secrets\", \"params\": {\"secrets\": \"many\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("INVALID_PROVIDER_STATE_PARAMETER");
        assertThat(bad.json().path("detail").asText()).contains("secrets");
    }

    @Test
    void theOlderFormsAndQueryParametersAreUnderstood() {
        assertThat(setup("{\"state\": \"the organization has no API key\"}").status())
                .isEqualTo(200);
        assertThat(setup("{\"consumer\": \"c\", \"states\": [\"the organization has no API key\"]}")
                        .status())
                .isEqualTo(200);
        assertThat(http.post(STATES + "?state=the%20organization%20has%20no%20API%20key&action=setup", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownStateIsA400NamingTheKnownStates() {
        TestHttp.Answer answer = setup(state("the moon is full"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("UNKNOWN_PROVIDER_STATE");
        assertThat(answer.json().path("detail").asText())
                .contains("the moon is full")
                .contains("the target service account has no secret")
                .contains("the emulator clock is advanced");
        assertThat(setup("[1, 2]").status()).isEqualTo(400);
        assertThat(setup("{\"state\": \"x\", \"action\": \"explode\"}").errorCode())
                .isEqualTo("INVALID_PROVIDER_STATE_CHANGE");
        assertThat(setup("not json").status()).isEqualTo(400);
    }

    @Test
    void theEndpointIsTestSupport() {
        try (AtlasEmulator off = AtlasEmulator.builder()
                        .port(0)
                        .testSupportEndpoints(false)
                        .start();
                AtlasEmulator guarded = AtlasEmulator.builder()
                        .port(0)
                        .adminToken("admin-token-of-ci-0001")
                        .start()) {
            assertThat(new TestHttp(off.baseUri())
                            .post(STATES, state("the organization has no API key"), "Content-Type", "application/json")
                            .status())
                    .isEqualTo(404);
            TestHttp guardedHttp = new TestHttp(guarded.baseUri());
            assertThat(guardedHttp
                            .post(STATES, state("the organization has no API key"), "Content-Type", "application/json")
                            .status())
                    .isEqualTo(401);
            assertThat(guardedHttp
                            .post(
                                    STATES,
                                    state("the organization has no API key"),
                                    "Content-Type",
                                    "application/json",
                                    "Authorization",
                                    "Bearer admin-token-of-ci-0001")
                            .status())
                    .isEqualTo(200);
            // Verifiers send no custom header to the state URL: the token may ride in it, on this path only.
            assertThat(guardedHttp
                            .post(
                                    STATES + "?token=admin-token-of-ci-0001",
                                    state("the organization has no API key"),
                                    "Content-Type",
                                    "application/json")
                            .status())
                    .isEqualTo(200);
            assertThat(guardedHttp
                            .post(
                                    STATES + "?token=wrong-token-of-ci-00001",
                                    state("the organization has no API key"),
                                    "Content-Type",
                                    "application/json")
                            .status())
                    .isEqualTo(401);
            assertThat(guardedHttp
                            .post(
                                    "/_emulator/reset?token=admin-token-of-ci-0001",
                                    "{}",
                                    "Content-Type",
                                    "application/json")
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void seedingOverTheDemoSeedReplacesWhenAsked() {
        String document = "{\"organizations\": [{\"id\": \"" + AtlasEmulator.DEMO_ORG_ID + "\", \"name\": \"again\"}]}";
        assertThat(http.post("/_emulator/reset", "{}", "Content-Type", "application/json")
                        .status())
                .isEqualTo(200);
        TestHttp.Answer added = http.post("/_emulator/seed", document, "Content-Type", "application/json");
        assertThat(added.status()).isEqualTo(400);
        assertThat(added.json().path("detail").asText()).contains("replace=true");
        TestHttp.Answer replaced =
                http.post("/_emulator/seed?replace=true", document, "Content-Type", "application/json");
        assertThat(replaced.status()).as(replaced.raw().body()).isEqualTo(200);
        assertThat(emulator.clock()).isNotNull();
        assertThat(http.post("/_emulator/reset", "{}", "Content-Type", "application/json")
                        .status())
                .isEqualTo(200);
    }
}
