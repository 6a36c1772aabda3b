package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.internal.auth.OAuthTokenManager;
import io.github.atlascredentials.client.support.CapturedLogs;
import io.github.atlascredentials.client.support.MutableClock;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import io.github.atlascredentials.client.support.TestAtlasServer.Scripted;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token is renewed only when a 401 rejects the token itself, and the token it replaces is revoked. */
class TokenRenewalRulesTest {
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

    private List<String> bearerTokensSent() {
        return server.requests().stream()
                .filter(RecordedRequest::isApiRequest)
                .map(r -> r.header("Authorization").substring("Bearer ".length()))
                .distinct()
                .toList();
    }

    @Test
    void roleErrorsNeverFetchANewToken() {
        try (AtlasCredentialsClient client = client()) {
            for (int i = 0; i < 30; i++) {
                server.enqueue(Scripted.json(
                        401, "{\"error\":401,\"errorCode\":\"NOT_ORG_OWNER\",\"reason\":\"Unauthorized\"}", Map.of()));
                assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                        .isInstanceOfSatisfying(
                                AtlasApiException.class,
                                e -> assertThat(e.isErrorCode("NOT_ORG_OWNER")).isTrue());
            }
        }
        assertThat(server.count(RecordedRequest::isTokenRequest)).isEqualTo(1);
        assertThat(server.count(RecordedRequest::isApiRequest))
                .as("no replay of a role error")
                .isEqualTo(30);
    }

    @Test
    void bearerChallengeWithInvalidTokenRenewsOnce() {
        try (AtlasCredentialsClient client = client()) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            server.enqueue(new Scripted(
                    401,
                    null,
                    null,
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"expired\""),
                    false));
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
        }
        assertThat(server.count(RecordedRequest::isTokenRequest)).isEqualTo(2);
    }

    @Test
    void aRejectedTokenIsRevokedWhenReplaced() {
        try (AtlasCredentialsClient client = client()) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            server.invalidateAllTokens();
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            List<String> sent = bearerTokensSent();
            assertThat(sent).hasSize(2);
            assertThat(server.revokedTokens()).containsExactly(sent.get(0));
        }
    }

    @Test
    void renewalAheadOfExpiryRevokesTheTokenItReplaces() {
        try (AtlasCredentialsClient client = client()) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            clock.advance(Duration.ofSeconds(3600 - 30));
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            List<String> sent = bearerTokensSent();
            assertThat(sent).hasSize(2);
            assertThat(server.revokedTokens())
                    .as("the old token no longer counts against the account")
                    .containsExactly(sent.get(0));
        }
    }

    @Test
    void neverHoldsMoreThanTheCapWhenRevocationsFail() {
        try (CapturedLogs renewalWarnings = CapturedLogs.of(OAuthTokenManager.class);
                CapturedLogs closeWarnings = CapturedLogs.of(AtlasCredentialsClient.class)) {
            try (AtlasCredentialsClient client = client()) {
                client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
                server.refuseRevocations(true); // revocations now fail with 401 invalid_client
                int renewals = 0;
                for (int i = 0; i < 10; i++) {
                    server.invalidateAllTokens();
                    try {
                        client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
                        renewals++;
                    } catch (AtlasClientException refused) {
                        assertThat(refused.getMessage()).contains("could not be revoked");
                    }
                }
                assertThat(server.count(RecordedRequest::isTokenRequest))
                        .as("tokens this client got and could not revoke")
                        .isLessThanOrEqualTo(OAuthTokenManager.MAX_TOKENS_PER_CLIENT);
                assertThat(renewals).isEqualTo(OAuthTokenManager.MAX_TOKENS_PER_CLIENT - 1);
            }
            assertThat(renewalWarnings.messages())
                    .isNotEmpty()
                    .allSatisfy(message -> assertThat(message).startsWith("could not revoke a replaced access token"));
            assertThat(closeWarnings.messages())
                    .singleElement()
                    .asString()
                    .startsWith("could not revoke the access token on close");
        }
    }
}
