package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.Credential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 48 concurrent calls on one client with the default pool (16 connections per host), all answered
 * 401 at once: a stale Digest nonce, or a rejected access token. Each 401 must give its connection
 * back before the replay or the renewal asks for one, or every call stalls until the pool timeout.
 */
class AuthStormTest {
    private static final int CALLS = 48;
    private TestAtlasServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestAtlasServer()
                .serviceAccount(CLIENT_ID, CLIENT_SECRET)
                .apiKey(PUBLIC_KEY, PRIVATE_KEY)
                .delayUnauthorizedAnswers(
                        Duration.ofMillis(100)); // so that all 16 pooled connections hold a 401 at once
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void staleNonceStormRecoversWithoutWaitingForThePool() throws Exception {
        server.auth(TestAtlasServer.Auth.DIGEST);
        storm(ApiKeyCredential.of(PUBLIC_KEY, PRIVATE_KEY), server::expireNonces);
        assertThat(server.staleChallengesIssued())
                .as("every pooled connection got a stale 401")
                .isGreaterThanOrEqualTo(16);
    }

    @Test
    void rejectedTokenStormRecoversWithoutWaitingForThePoolWithOneRenewal() throws Exception {
        server.auth(TestAtlasServer.Auth.BEARER);
        storm(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET), server::invalidateAllTokens);
        assertThat(server.count(RecordedRequest::isTokenRequest))
                .as("first token and one renewal")
                .isEqualTo(2);
    }

    /**
     * Warms the client up, breaks its auth, then runs {@link #CALLS} concurrent creates. A leaked connection would
     * stall them until the pool's lease timeout (minutes): each must finish within 10 s. No wall-clock target here
     * (speed belongs to bench/).
     */
    private void storm(Credential credential, Runnable breakAuth) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLS);
        try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(credential)
                .build()) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            breakAuth.run();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
                }));
            }
            go.countDown();
            for (Future<?> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isNotNull(); // a stall would exceed this long before 180 s
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
