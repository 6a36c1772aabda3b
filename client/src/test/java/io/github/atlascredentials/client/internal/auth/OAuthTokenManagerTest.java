package io.github.atlascredentials.client.internal.auth;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.AtlasApiException;
import io.github.atlascredentials.client.RetryPolicy;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.auth.TokenGrant;
import io.github.atlascredentials.client.internal.Redactor;
import io.github.atlascredentials.client.support.CapturedLogs;
import io.github.atlascredentials.client.support.MutableClock;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import io.github.atlascredentials.client.support.TestAtlasServer.Scripted;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token manager on its own: the "someone else already renewed" path, revokeAll, error headers. */
class OAuthTokenManagerTest {
    private TestAtlasServer server;
    private Client http;
    private final Redactor redactor = new Redactor();
    private final MutableClock clock = new MutableClock();
    private OAuthTokenManager tokens;

    @BeforeEach
    void start() throws Exception {
        server = new TestAtlasServer().auth(TestAtlasServer.Auth.BEARER).serviceAccount(CLIENT_ID, CLIENT_SECRET);
        http = ClientBuilder.newClient();
        tokens = new OAuthTokenManager(
                ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET),
                URI.create(server.baseUrl() + "/"),
                clock,
                Duration.ofSeconds(60),
                RetryPolicy.none(),
                redactor,
                http);
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private long tokenRequests() {
        return server.count(RecordedRequest::isTokenRequest);
    }

    @Test
    void rejectionOfATokenAlreadyReplacedReturnsTheCurrentOneWithoutAsking() {
        String first = tokens.token();
        assertThat(tokens.token()).isEqualTo(first);
        String second = tokens.renewAfterRejection(first);
        assertThat(second).isNotEqualTo(first).startsWith("eyJ");
        assertThat(tokens.token()).isEqualTo(second);
        assertThat(tokens.renewAfterRejection(first))
                .as("another caller already renewed it")
                .isEqualTo(second);
        assertThat(tokenRequests()).isEqualTo(2);
        assertThat(server.revokedTokens()).containsExactly(first);
    }

    @Test
    void replacedTokensWhoseRevocationFailedAreRevokedBeforeTheCapIsChecked() {
        tokens.token();
        server.refuseRevocations(true);
        try (CapturedLogs warnings = CapturedLogs.of(OAuthTokenManager.class)) {
            String second = tokens.renewAfterRejection(tokens.token());
            tokens.renewAfterRejection(second); // two replaced tokens now wait for their revocation
            assertThat(warnings.messages())
                    .isNotEmpty()
                    .allSatisfy(message -> assertThat(message).startsWith("could not revoke a replaced access token"));
        }
        server.refuseRevocations(false);
        // Without revoking those two first, a third would reach the cap of three and be refused.
        String fourth = tokens.renewAfterRejection(tokens.token());
        assertThat(fourth).startsWith("eyJ");
        assertThat(server.revokedTokens()).hasSize(3);
        assertThat(tokenRequests()).isEqualTo(4);
    }

    @Test
    void revokeAllRevokesTheHeldTokenForgetsItAndReleasesTheLock() throws Exception {
        String token = tokens.token();
        assertThat(redactor.redact(token)).isEqualTo("****");
        tokens.revokeAll();
        assertThat(server.revokedTokens()).containsExactly(token);
        assertThat(redactor.redact(token))
                .as("a revoked token leaves the redactor")
                .isEqualTo(token);
        assertThat(redactor.redact(CLIENT_SECRET)).as("the secret stays masked").isEqualTo("****");
        String next = CompletableFuture.supplyAsync(tokens::token).get(30, TimeUnit.SECONDS);
        assertThat(next).isNotEqualTo(token);
        tokens.revokeAll();
        tokens.revokeAll(); // nothing held: nothing to do
        assertThat(server.revokedTokens()).containsExactlyInAnyOrder(token, next);
    }

    @Test
    void revokeAllReportsAFailureAfterTryingEveryTokenAndForgetsThemAnyway() {
        String token = tokens.token();
        server.refuseRevocations(true);
        assertThatThrownBy(tokens::revokeAll).isInstanceOf(AtlasApiException.class);
        assertThat(redactor.redact(token)).isEqualTo(token);
        server.refuseRevocations(false);
        tokens.revokeAll(); // the failed one is not retried: it was forgotten
        assertThat(server.revokedTokens()).isEmpty();
    }

    @Test
    void tokenEndpointErrorKeepsItsHeaders() {
        server.enqueueTokenAnswer(Scripted.json(400, "{\"error\":\"invalid_request\"}", Map.of("X-Request-Id", "r-1")));
        assertThatThrownBy(tokens::token).isInstanceOfSatisfying(AtlasApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.headers().entrySet()).anySatisfy(header -> {
                assertThat(header.getKey()).isEqualToIgnoringCase("X-Request-Id");
                assertThat(header.getValue()).containsExactly("r-1");
            });
        });
    }

    @Test
    void requestedTokenIsNotCachedAndItsGrantMasksIt() {
        TokenGrant grant = tokens.requestNewToken();
        assertThat(grant.toString()).isEqualTo("TokenGrant[accessToken=****]");
        assertThat(redactor.redact(grant.accessToken())).isEqualTo("****");
        assertThat(tokens.token()).isNotEqualTo(grant.accessToken());
        assertThat(tokens.toString())
                .startsWith("OAuthTokenManager[ServiceAccountCredential[clientId=" + CLIENT_ID)
                .endsWith(", tokenEndpoint=" + server.baseUrl() + "/api/oauth/token]")
                .doesNotContain(CLIENT_SECRET);
    }

    @Test
    void aTokenEndpointOfTheCredentialIsUsedInsteadOfTheBaseUrls() {
        URI elsewhere = URI.create("https://login.example.com/oauth/token");
        ServiceAccountCredential credential =
                ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET).withTokenEndpoint(elsewhere);
        assertThat(credential.tokenEndpoint()).contains(elsewhere);
        OAuthTokenManager other = new OAuthTokenManager(
                credential,
                URI.create(server.baseUrl() + "/"),
                clock,
                Duration.ofSeconds(60),
                RetryPolicy.none(),
                redactor,
                http);
        assertThat(other.toString()).endsWith(", tokenEndpoint=" + elsewhere + "]");
    }
}
