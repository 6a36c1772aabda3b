package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.BearerTokenCredential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.support.MutableClock;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import io.github.atlascredentials.client.support.TestAtlasServer.Scripted;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token manager's limits and the redactor registrations of every credential: retry attempts at
 * the token endpoint, renewal time to the second, the answers it refuses, and the secrets it masks.
 */
class TokenManagerLimitsTest {
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

    private AtlasCredentialsClient.Builder builder() {
        return AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .clock(clock)
                .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET));
    }

    private long tokenRequests() {
        return server.count(RecordedRequest::isTokenRequest);
    }

    private static Scripted refused(int status) {
        return Scripted.json(status, "{\"error\":\"temporarily_unavailable\"}", Map.of("Retry-After", "0"));
    }

    private List<String> bearerTokensSent() {
        return server.requests().stream()
                .filter(RecordedRequest::isApiRequest)
                .map(r -> r.header("Authorization").substring("Bearer ".length()))
                .distinct()
                .toList();
    }

    @Test
    void tokenEndpointIsAskedAtMostMaxAttemptsTimes() {
        for (int i = 0; i < 5; i++) {
            server.enqueueTokenAnswer(refused(429));
        }
        try (AtlasCredentialsClient client = builder()
                .retryPolicy(RetryPolicy.of(2, Duration.ofSeconds(5), Duration.ZERO))
                .build()) {
            assertThatThrownBy(() -> client.requestAccessToken(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET)))
                    .isInstanceOfSatisfying(
                            AtlasApiException.class, e -> assertThat(e.status()).isEqualTo(429));
        }
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void tokenEndpointRefusalThenSuccessGivesTheToken() {
        server.enqueueTokenAnswer(refused(503));
        try (AtlasCredentialsClient client = builder()
                .retryPolicy(RetryPolicy.of(2, Duration.ofSeconds(5), Duration.ZERO))
                .build()) {
            assertThat(client.requestAccessToken(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                            .accessToken())
                    .startsWith("eyJ");
        }
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void interruptedWaitBeforeATokenRetryEndsTheCall() throws Exception {
        server.enqueueTokenAnswer(Scripted.json(429, "{}", Map.of("Retry-After", "20")));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        try (AtlasCredentialsClient client = builder().build()) {
            Thread caller = new Thread(() -> {
                try {
                    client.requestAccessToken(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET));
                } catch (RuntimeException e) {
                    thrown.set(e);
                    interruptKept.set(Thread.currentThread().isInterrupted());
                }
            });
            caller.start();
            // Interrupt only once the caller sleeps before its retry (not while it talks HTTP).
            while (Arrays.stream(caller.getStackTrace())
                    .noneMatch(f -> f.getMethodName().equals("sleep")
                            && f.getClassName().equals(Thread.class.getName()))) {
                assertThat(caller.isAlive())
                        .as("the caller waits before retrying")
                        .isTrue();
                Thread.onSpinWait();
            }
            caller.interrupt();
            caller.join();
        }
        assertThat(thrown.get())
                .isInstanceOf(AtlasTransportException.class)
                .hasMessage("interrupted while waiting to retry the token request");
        assertThat(interruptKept).as("the interrupt is kept for the caller").isTrue();
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void tokenIsRenewedHalfWayThroughAShortLifetime() {
        server.tokenLifetimeSeconds(100); // half of it (50 s) is less than the 60 s renewal margin
        try (AtlasCredentialsClient client = builder().build()) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            clock.advance(Duration.ofSeconds(49));
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            assertThat(tokenRequests()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            assertThat(tokenRequests()).isEqualTo(2);
        }
    }

    @Test
    void tokenIsRenewedExactlyTheRenewalMarginBeforeItExpires() {
        try (AtlasCredentialsClient client =
                builder().tokenRenewalAhead(Duration.ofSeconds(60)).build()) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            clock.advance(Duration.ofSeconds(3539));
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            assertThat(tokenRequests()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            assertThat(tokenRequests()).isEqualTo(2);
        }
    }

    @Test
    void tokenAnswersWithoutAUsableTokenAreErrors() {
        for (String body : List.of(
                "{\"access_token\":\"eyJabc\",\"expires_in\":0}",
                "{\"expires_in\":3600}",
                "{\"access_token\":\"\",\"expires_in\":3600}",
                "{\"access_token\":\"eyJabc\"}")) {
            server.enqueueTokenAnswer(Scripted.json(200, body, Map.of()));
            try (AtlasCredentialsClient client = builder().build()) {
                assertThatThrownBy(
                                () -> client.requestAccessToken(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET)))
                        .as(body)
                        .isInstanceOfSatisfying(
                                AtlasApiException.class,
                                e -> assertThat(e.detail())
                                        .contains(
                                                "the token endpoint answered without access_token or a positive expires_in"));
            }
        }
        server.enqueueTokenAnswer(Scripted.json(200, "{\"access_token\":\"eyJabc\",\"expires_in\":1}", Map.of()));
        try (AtlasCredentialsClient client = builder().build()) {
            assertThat(client.requestAccessToken(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                            .accessToken())
                    .isEqualTo("eyJabc");
        }
        server.enqueueTokenAnswer(new Scripted(200, "text/plain", "not json", Map.of(), false));
        try (AtlasCredentialsClient client = builder().build()) {
            assertThatThrownBy(() -> client.requestAccessToken(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET)))
                    .isInstanceOfSatisfying(
                            AtlasApiException.class,
                            e -> assertThat(e.detail())
                                    .contains("the token endpoint answered with a body that is not JSON"));
        }
    }

    @Test
    void unreachableTokenEndpointIsATransportErrorThatNamesIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                .baseUrl(base)
                .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                .build()) {
            assertThatThrownBy(() -> client.requestAccessToken(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET)))
                    .isInstanceOf(AtlasTransportException.class)
                    .hasMessageStartingWith("token request to " + base + "/api/oauth/token failed: ");
            assertThatThrownBy(() ->
                            client.revokeAccessToken(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET), "eyJabc"))
                    .isInstanceOf(AtlasTransportException.class)
                    .hasMessageStartingWith("token revocation to " + base + "/api/oauth/revoke failed: ");
        }
    }

    @Test
    void revokedReplacedTokensAreForgottenByTheRedactorSoItDoesNotGrowWithEachRenewal() {
        try (AtlasCredentialsClient client = builder().build()) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            server.invalidateAllTokens();
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            List<String> sent = bearerTokensSent();
            assertThat(server.revokedTokens()).containsExactly(sent.get(0));
            server.enqueue(Scripted.json(
                    400,
                    "{\"error\":400,\"errorCode\":\"INVALID_ATTRIBUTE\",\"detail\":\"old " + sent.get(0) + " current "
                            + sent.get(1) + "\"}",
                    Map.of()));
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(
                            AtlasApiException.class,
                            e -> assertThat(e.detail()).contains("old " + sent.get(0) + " current ****"));
        }
    }

    @Test
    void closeRevokesTheHeldTokenAndForgetsIt() {
        AtlasCredentialsClient client = builder().build();
        client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
        client.close();
        assertThat(server.revokedTokens()).containsExactlyElementsOf(bearerTokensSent());
    }

    @Test
    void fetchedTokenIsMaskedInErrors() {
        try (AtlasCredentialsClient client = builder().build()) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            String token = bearerTokensSent().get(0);
            server.enqueue(echo(token));
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(
                            AtlasApiException.class, e -> assertThat(e.detail()).contains("echo ****"));
        }
    }

    @Test
    void apiPrivateKeyIsMaskedInErrors() {
        server.auth(TestAtlasServer.Auth.DIGEST).apiKey(PUBLIC_KEY, PRIVATE_KEY);
        try (AtlasCredentialsClient client = builder()
                .credential(ApiKeyCredential.of(PUBLIC_KEY, PRIVATE_KEY))
                .build()) {
            server.enqueue(echo(PRIVATE_KEY));
            assertThatThrownBy(() -> client.createCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(
                            AtlasApiException.class, e -> assertThat(e.detail()).contains("echo ****"));
        }
    }

    @Test
    void fixedBearerTokenIsMaskedInErrors() {
        server.auth(TestAtlasServer.Auth.NONE);
        String token = "static-token-abcdef";
        try (AtlasCredentialsClient client =
                builder().credential(BearerTokenCredential.of(token)).build()) {
            server.enqueue(echo(token));
            assertThatThrownBy(() -> client.createCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(
                            AtlasApiException.class, e -> assertThat(e.detail()).contains("echo ****"));
        }
    }

    private static Scripted echo(String secret) {
        return Scripted.json(
                400,
                "{\"error\":400,\"errorCode\":\"INVALID_ATTRIBUTE\",\"detail\":\"echo " + secret + "\"}",
                Map.of());
    }
}
