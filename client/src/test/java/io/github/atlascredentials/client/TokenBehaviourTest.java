package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.support.MutableClock;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth: cache, single flight, renewal ahead of expiry, one retry after 401, 429 waits, revoke on close. */
class TokenBehaviourTest {
    private TestAtlasServer server;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws Exception {
        server = new TestAtlasServer().auth(TestAtlasServer.Auth.BEARER).serviceAccount(CLIENT_ID, CLIENT_SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AtlasCredentialsClient client() {
        return AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .clock(clock)
                .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                .build();
    }

    private long tokenRequests() {
        return server.count(RecordedRequest::isTokenRequest);
    }

    @Test
    void thousandCallsFromEightThreadsShareOneTokenRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (AtlasCredentialsClient client = client()) {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                results.add(pool.submit(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24)));
            }
            for (Future<?> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(server.count(RecordedRequest::isApiRequest)).isEqualTo(1000);
        assertThat(server.requests().stream()
                        .filter(RecordedRequest::isApiRequest)
                        .map(r -> r.header("Authorization"))
                        .distinct())
                .hasSize(1);
    }

    @Test
    void expiryCausesExactlyOneRenewalAheadOfTime() {
        try (AtlasCredentialsClient client = client()) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            clock.advance(Duration.ofSeconds(3600 - 61));
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            assertThat(tokenRequests()).as("still fresh 61 s before expiry").isEqualTo(1);

            clock.advance(Duration.ofSeconds(2)); // now 59 s before expiry: inside the 60 s renewal window
            for (int i = 0; i < 5; i++) {
                client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            }
            assertThat(tokenRequests()).isEqualTo(2);
        }
        List<String> bearer = server.requests().stream()
                .filter(RecordedRequest::isApiRequest)
                .map(r -> r.header("Authorization"))
                .distinct()
                .toList();
        assertThat(bearer).hasSize(2);
    }

    @Test
    void a401RenewsOnceAndRetriesOnce() {
        try (AtlasCredentialsClient client = client()) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            server.invalidateAllTokens();
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
        }
        assertThat(tokenRequests()).isEqualTo(2);
        assertThat(server.count(RecordedRequest::isApiRequest)).isEqualTo(3); // ok, refused, retried
    }

    @Test
    void a401AfterRenewalIsNotRetriedAgain() {
        try (AtlasCredentialsClient client = client()) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            server.invalidateAllTokens();
            server.enqueue(
                    TestAtlasServer.Scripted.json(401, "{\"error\":401,\"errorCode\":\"NOT_ORG_OWNER\"}", Map.of()));
            // the retried request gets the scripted 401: it must surface, not loop
            server.invalidateAllTokens();
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOf(AtlasApiException.class)
                    .satisfies(e -> assertThat(((AtlasApiException) e).status()).isEqualTo(401));
        }
        assertThat(server.count(RecordedRequest::isApiRequest)).isEqualTo(3);
    }

    @Test
    void rateLimitedTokenEndpointIsRetriedAfterRetryAfter() {
        server.enqueueTokenAnswer(TestAtlasServer.Scripted.json(
                429,
                "{\"error\":429,\"errorCode\":\"RATE_LIMITED\",\"parameters\":[\"/api/oauth/token\",50,1]}",
                Map.of("Retry-After", "1")));
        long started = System.nanoTime();
        try (AtlasCredentialsClient client = client()) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void wrongSecretGivesOAuthShapedException() {
        try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(ServiceAccountCredential.of(CLIENT_ID, "mdb_sa_sk_wrongwrongwrong"))
                .build()) {
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(AtlasApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.isErrorCode("invalid_client")).isTrue();
                        assertThat(e.getMessage()).doesNotContain("wrongwrong");
                    });
        }
        assertThat(server.count(RecordedRequest::isApiRequest)).isZero();
    }

    @Test
    void closeRevokesTheHeldToken() {
        AtlasCredentialsClient client = client();
        client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
        String bearer = server.requests().stream()
                .filter(RecordedRequest::isApiRequest)
                .findFirst()
                .orElseThrow()
                .header("Authorization")
                .substring("Bearer ".length());

        client.close();
        client.close(); // idempotent

        assertThat(server.revokedTokens()).containsExactly(bearer);
        RecordedRequest revoke = server.requests().stream()
                .filter(RecordedRequest::isRevokeRequest)
                .findFirst()
                .orElseThrow();
        assertThat(revoke.body()).isEqualTo("token=" + bearer + "&token_type_hint=access_token");
        assertThat(revoke.header("Authorization")).startsWith("Basic ");
        assertThat(server.count(RecordedRequest::isRevokeRequest)).isEqualTo(1);
        assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                .isInstanceOf(AtlasClientClosedException.class);
    }

    @Test
    void closeWithoutTokenSendsNoRevocation() {
        client().close();
        assertThat(server.requests()).isEmpty();
    }
}
