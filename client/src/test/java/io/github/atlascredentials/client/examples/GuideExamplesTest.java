package io.github.atlascredentials.client.examples;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.auth.BearerTokenCredential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.client.support.CapturedOutput;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import io.github.atlascredentials.client.support.TestAtlasServer.Auth;
import io.github.atlascredentials.client.support.TestAtlasServer.Scripted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every example quoted by docs/1..4 against the test server and checks what went over the
 * wire, so that the guides only show code that works.
 */
class GuideExamplesTest {
    private static final String ATLAS_SECRETS =
            "/api/atlas/v2/orgs/" + ORG_ID + "/serviceAccounts/" + CLIENT_ID + "/secrets";
    private static final String MAX_SECRETS = "{\"error\":400,\"errorCode\":\"MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED\","
            + "\"reason\":\"Bad Request\",\"detail\":\"The service account already has the maximum of 2 secrets.\",\"parameters\":[]}";

    private TestAtlasServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestAtlasServer()
                .auth(Auth.BEARER)
                .serviceAccount(CLIENT_ID, CLIENT_SECRET)
                .apiKey(PUBLIC_KEY, PRIVATE_KEY);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> paths() {
        return server.requests().stream().map(RecordedRequest::path).toList();
    }

    @Test
    void gettingStartedCreatesASecretAndPrintsItMasked() {
        CapturedOutput<ServiceAccountSecret> run = CapturedOutput.of(
                () -> GettingStarted.createSecret(server.baseUrl(), ORG_ID, CLIENT_ID, CLIENT_SECRET, CLIENT_ID));

        assertThat(run.value().getSecret()).startsWith("mdb_sa_sk_");
        assertThat(run.printed())
                .contains(
                        "class ServiceAccountSecret {", "secret: *", run.value().getId())
                .doesNotContain(run.value().getSecret(), CLIENT_SECRET);
        assertThat(paths()).containsExactly("/api/oauth/token", ATLAS_SECRETS, "/api/oauth/revoke");
        assertThat(server.requests().get(1).body()).isEqualTo("{\"secretExpiresAfterHours\":24}");
    }

    /** The guide and the example quote the emulator's demo values: they must not drift from it. */
    @Test
    void gettingStartedQuotesTheEmulatorsDemoValues() throws Exception {
        Path emulator = Path.of(
                "..",
                "server-stub",
                "src",
                "main",
                "java",
                "io",
                "github",
                "atlascredentials",
                "emulator",
                "DemoSeed.java");
        assumeTrue(Files.isRegularFile(emulator), "the emulator's source is not next to the client");
        String source = Files.readString(emulator);
        Map.of(
                        "ORG_ID",
                        GettingStarted.ORG_ID,
                        "CLIENT_ID",
                        GettingStarted.CLIENT_ID,
                        "CLIENT_SECRET",
                        GettingStarted.CLIENT_SECRET,
                        "TARGET_CLIENT_ID",
                        GettingStarted.TARGET_CLIENT_ID)
                .forEach((constant, value) -> assertThat(source).contains(" " + constant + " = \"" + value + "\""));
        assertThat(GettingStarted.BASE_URL).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void serviceAccountExampleFetchesOneTokenAndRevokesIt() {
        CapturedOutput<ApiKey> run = CapturedOutput.of(
                () -> AuthenticationExamples.withServiceAccount(server.baseUrl(), ORG_ID, CLIENT_ID, CLIENT_SECRET));
        ApiKey key = run.value();

        assertThat(run.printed()).isEqualTo("created API key " + key.getPublicKey() + System.lineSeparator());
        assertThat(key.getPrivateKey()).isNotBlank();
        assertThat(paths())
                .containsExactly(
                        "/api/oauth/token", "/api/public/v1.0/orgs/" + ORG_ID + "/apiKeys", "/api/oauth/revoke");
        assertThat(server.requests().get(1).body()).contains("\"desc\":\"Deploy pipeline\"", "\"ORG_MEMBER\"");
        assertThat(server.requests().get(1).header("Authorization")).startsWith("Bearer ");
        assertThat(server.revokedTokens()).hasSize(1);
    }

    @Test
    void apiKeyExampleAnswersOneDigestChallenge() {
        server.auth(Auth.DIGEST);
        CapturedOutput<ServiceAccountSecret> run = CapturedOutput.of(
                () -> AuthenticationExamples.withApiKey(server.baseUrl(), ORG_ID, PUBLIC_KEY, PRIVATE_KEY, CLIENT_ID));
        ServiceAccountSecret created = run.value();

        assertThat(run.printed())
                .isEqualTo("created secret " + created.getId() + ", expires " + created.getExpiresAt()
                        + System.lineSeparator());
        assertThat(created.getSecret()).startsWith("mdb_sa_sk_");
        String path = "/api/public/v1.0/orgs/" + ORG_ID + "/serviceAccounts/" + CLIENT_ID + "/secrets/";
        assertThat(paths()).containsExactly(path, path); // the challenge, then the authorized request
        assertThat(server.requests().get(0).header("Authorization")).isNull();
        assertThat(server.requests().get(1).header("Authorization"))
                .startsWith("Digest username=\"" + PUBLIC_KEY + "\"");
        assertThat(server.requests().get(1).body()).isEqualTo("{\"secretExpiresAfterHours\":\"3600\"}");
        assertThat(server.challengesIssued()).isEqualTo(1);
    }

    @Test
    void bearerTokenExampleSendsTheTokenAsIs() {
        String token;
        try (AtlasCredentialsClient other = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(BearerTokenCredential.of("unused-placeholder"))
                .build()) {
            token = other.requestAccessToken(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                    .accessToken();
        }
        server.reset();

        ApiKey key = AuthenticationExamples.withBearerToken(server.baseUrl(), ORG_ID, token);

        assertThat(key.getId()).isNotBlank();
        assertThat(paths())
                .containsExactly("/api/public/v1.0/orgs/" + ORG_ID + "/apiKeys"); // no token request, no revoke
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void rotationUnderTheLimitReturnsTheProvenSecret() {
        CapturedOutput<Optional<ServiceAccountSecret>> run =
                CapturedOutput.of(() -> RotateUnlessAtLimit.rotate(server.baseUrl(), ORG_ID, CLIENT_ID, CLIENT_SECRET));
        Optional<ServiceAccountSecret> rotated = run.value();

        assertThat(rotated).isPresent();
        assertThat(run.printed()).startsWith("new secret " + rotated.get().getId() + " expires ");
        assertThat(paths())
                .containsExactly(
                        "/api/oauth/token",
                        ATLAS_SECRETS,
                        "/api/oauth/token",
                        "/api/oauth/revoke",
                        "/api/oauth/revoke");
    }

    @Test
    void rotationAtTheLimitReportsItAndStillRevokesTheToken() {
        server.enqueue(Scripted.json(400, MAX_SECRETS, Map.of()));

        CapturedOutput<Optional<ServiceAccountSecret>> run =
                CapturedOutput.of(() -> RotateUnlessAtLimit.rotate(server.baseUrl(), ORG_ID, CLIENT_ID, CLIENT_SECRET));
        Optional<ServiceAccountSecret> rotated = run.value();

        assertThat(rotated).isEmpty();
        assertThat(run.printed())
                .isEqualTo("rotation not done: The service account already has the maximum of 2 secrets."
                        + System.lineSeparator());
        assertThat(paths())
                .containsExactly("/api/oauth/token", ATLAS_SECRETS, "/api/oauth/revoke"); // no proof attempted
    }

    @Test
    void errorHandlingSortsEachKindOfFailure() {
        try (AtlasCredentialsClient atlas =
                HandlingErrors.patientClient(server.baseUrl(), ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))) {
            assertThat(HandlingErrors.createSecret(atlas, "not-an-org-id", CLIENT_ID, 5))
                    .isEqualTo(
                            "not sent: [orgId: must match ^([a-f0-9]{24})$, secretExpiresAfterHours: must be between 8 and 8760]");
            assertThat(server.requests()).isEmpty();

            server.enqueue(Scripted.json(400, MAX_SECRETS, Map.of()));
            assertThat(HandlingErrors.createSecret(atlas, ORG_ID, CLIENT_ID, 24))
                    .isEqualTo("limit reached: delete an unused secret first");

            server.enqueue(Scripted.json(
                    400,
                    "{\"error\":400,\"errorCode\":\"VALIDATION_ERROR\",\"reason\":\"Bad Request\","
                            + "\"detail\":\"Invalid request body.\",\"parameters\":[],\"badRequestDetail\":{\"fields\":"
                            + "[{\"field\":\"secretExpiresAfterHours\",\"description\":\"must be between 8 and 720\"}]}}",
                    Map.of()));
            assertThat(HandlingErrors.createSecret(atlas, ORG_ID, CLIENT_ID, 800))
                    .isEqualTo("invalid request: [secretExpiresAfterHours: must be between 8 and 720]");

            server.enqueue(Scripted.json(
                    403,
                    "{\"error\":403,\"errorCode\":\"ACCESS_FORBIDDEN\",\"reason\":\"Forbidden\","
                            + "\"detail\":\"No access to this organization.\",\"parameters\":[]}",
                    Map.of()));
            assertThat(HandlingErrors.createSecret(atlas, ORG_ID, CLIENT_ID, 24))
                    .isEqualTo("HTTP 403 ACCESS_FORBIDDEN: No access to this organization.");

            long createsBefore = server.count(RecordedRequest::isApiRequest);
            server.enqueue(Scripted.drop());
            assertThat(HandlingErrors.createSecret(atlas, ORG_ID, CLIENT_ID, 24))
                    .startsWith("unknown outcome: ");
            assertThat(server.count(RecordedRequest::isApiRequest)).isEqualTo(createsBefore + 1); // never sent again
        }
    }

    @Test
    void patientClientRetriesRefusedRequestsOnly() {
        try (AtlasCredentialsClient atlas =
                HandlingErrors.patientClient(server.baseUrl(), ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))) {
            server.enqueue(Scripted.json(
                    429,
                    "{\"error\":429,\"errorCode\":\"RATE_LIMITED\",\"reason\":\"Too Many Requests\","
                            + "\"parameters\":[]}",
                    Map.of("Retry-After", "0")));
            server.enqueue(Scripted.json(
                    503,
                    "{\"error\":503,\"errorCode\":\"SERVICE_UNAVAILABLE\","
                            + "\"reason\":\"Service Unavailable\",\"parameters\":[]}",
                    Map.of("Retry-After", "0")));
            assertThat(HandlingErrors.createSecret(atlas, ORG_ID, CLIENT_ID, 24))
                    .startsWith("created ");
            assertThat(server.count(RecordedRequest::isApiRequest)).isEqualTo(3);

            server.enqueue(Scripted.json(
                    500,
                    "{\"error\":500,\"errorCode\":\"UNEXPECTED_ERROR\","
                            + "\"reason\":\"Internal Server Error\",\"detail\":\"Unexpected error.\",\"parameters\":[]}",
                    Map.of()));
            assertThat(HandlingErrors.createSecret(atlas, ORG_ID, CLIENT_ID, 24))
                    .isEqualTo("HTTP 500 UNEXPECTED_ERROR: Unexpected error.");
            assertThat(server.count(RecordedRequest::isApiRequest)).isEqualTo(4);
        }
    }

    @Test
    void envelopedErrorsAreHandledLikeAnyOther() {
        server.enqueue(Scripted.json(
                200,
                "{\"status\":404,\"content\":{\"error\":404,\"errorCode\":\"ORG_NOT_FOUND\","
                        + "\"reason\":\"Not Found\",\"detail\":\"No organization with ID " + ORG_ID
                        + " exists.\",\"parameters\":[]}}",
                Map.of()));
        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                .envelope(true)
                .build()) {
            assertThat(HandlingErrors.createSecret(atlas, ORG_ID, CLIENT_ID, 24))
                    .isEqualTo("HTTP 404 ORG_NOT_FOUND: No organization with ID " + ORG_ID + " exists.");
        }
    }
}
