package io.github.atlascredentials.client.examples;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.client.support.CapturedOutput;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the documented example against the test server and checks what it did on the wire. */
class RotateServiceAccountSecretTest {
    @Test
    void rotatesAndProvesTheNewSecret() throws Exception {
        try (TestAtlasServer server =
                new TestAtlasServer().auth(TestAtlasServer.Auth.BEARER).serviceAccount(CLIENT_ID, CLIENT_SECRET)) {
            CapturedOutput<ServiceAccountSecret> run = CapturedOutput.of(
                    () -> RotateServiceAccountSecret.rotate(server.baseUrl(), ORG_ID, CLIENT_ID, CLIENT_SECRET));
            ServiceAccountSecret created = run.value();
            assertThat(run.printed())
                    .isEqualTo("new secret " + created.getId() + " expires " + created.getExpiresAt()
                            + System.lineSeparator());

            String newBasic =
                    "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + created.getSecret()).getBytes());
            List<RecordedRequest> requests = server.requests();
            assertThat(requests)
                    .extracting(RecordedRequest::path)
                    .containsExactly(
                            "/api/oauth/token", // token with the old secret
                            "/api/atlas/v2/orgs/" + ORG_ID + "/serviceAccounts/" + CLIENT_ID + "/secrets",
                            "/api/oauth/token", // proof with the new secret
                            "/api/oauth/revoke", // proof token revoked
                            "/api/oauth/revoke"); // old token revoked on close
            assertThat(requests.get(1).body()).isEqualTo("{\"secretExpiresAfterHours\":2160}");
            assertThat(requests.get(2).header("Authorization")).isEqualTo(newBasic);
            assertThat(server.revokedTokens()).hasSize(2);
        }
    }
}
