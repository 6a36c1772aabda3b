package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP Digest: one nonce per host, atomic nonce counts, stale nonces handled silently. */
class DigestBehaviourTest {
    private TestAtlasServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestAtlasServer().auth(TestAtlasServer.Auth.DIGEST).apiKey(PUBLIC_KEY, PRIVATE_KEY);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AtlasCredentialsClient client(String privateKey) {
        return AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(ApiKeyCredential.of(PUBLIC_KEY, privateKey))
                .build();
    }

    @Test
    void twoHundredCallsOverFiftyPathsFromEightThreadsCostOneChallenge() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (AtlasCredentialsClient client = client(PRIVATE_KEY)) {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String clientId = clientId(i % 50);
                results.add(pool.submit(() -> client.createOrgServiceAccountSecret(ORG_ID, clientId, 24)));
            }
            for (Future<?> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.challengesIssued()).isEqualTo(1);
        assertThat(server.staleChallengesIssued()).isZero();
        assertThat(server.nonceCountReplays()).isZero();
        assertThat(server.requests().stream().map(RecordedRequest::path).distinct())
                .hasSize(50);
        assertThat(server.count(RecordedRequest::isApiRequest))
                .as("one body sent twice, no more")
                .isEqualTo(201);
    }

    @Test
    void authorizationHeaderIsRfc7616() {
        try (AtlasCredentialsClient client = client(PRIVATE_KEY)) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
        }
        List<RecordedRequest> requests = server.requests();
        assertThat(requests.get(0).header("Authorization")).isNull();
        assertThat(requests.get(1).header("Authorization"))
                .startsWith("Digest username=\"" + PUBLIC_KEY + "\", realm=\"MMS Public API\", nonce=\"")
                .contains("uri=\"/api/atlas/v2/orgs/" + ORG_ID + "/serviceAccounts/" + CLIENT_ID + "/secrets\"")
                .contains("algorithm=MD5", "qop=auth", "nc=00000001", "cnonce=\"", "response=\"")
                .doesNotContain(PRIVATE_KEY);
        assertThat(requests.get(2).header("Authorization")).contains("nc=00000002");
    }

    @Test
    void staleNonceIsRenewedWithoutSurfacingAnError() {
        try (AtlasCredentialsClient client = client(PRIVATE_KEY)) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            server.expireNonces();
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
        }
        assertThat(server.challengesIssued()).isEqualTo(1);
        assertThat(server.staleChallengesIssued()).isEqualTo(1);
        assertThat(server.count(RecordedRequest::isApiRequest)).isEqualTo(5);
    }

    @Test
    void wrongPrivateKeySurfacesOne401WithoutLooping() {
        try (AtlasCredentialsClient client = client("ffffffff-1b2f-4c3d-9e8f-ffffffffffff")) {
            assertThatThrownBy(() -> client.createOrgApiKey(
                            ORG_ID,
                            "x",
                            List.of(io.github.atlascredentials.client.generated.model.OrgRoleName.ORG_MEMBER)))
                    .isInstanceOfSatisfying(AtlasApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.isErrorCode("USER_UNAUTHORIZED")).isTrue();
                        assertThat(e.header("WWW-Authenticate"))
                                .hasValueSatisfying(v -> assertThat(v).startsWith("Digest "));
                    });
            // with a nonce cached, the next call is sent once and refused once
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOf(AtlasApiException.class);
        }
        assertThat(server.count(RecordedRequest::isApiRequest)).isEqualTo(3);
    }

    @Test
    void envelopedChallengeIsStillAnswered() {
        try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .envelope(true)
                .credential(ApiKeyCredential.of(PUBLIC_KEY, PRIVATE_KEY))
                .build()) {
            assertThat(client.createCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, 48)
                            .getSecret())
                    .startsWith("mdb_sa_sk_");
        }
        assertThat(server.challengesIssued()).isEqualTo(1);
    }
}
