package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.CLIENT_ID;
import static io.github.atlascredentials.client.support.Ids.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.client.auth.OAuthTokenManager;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.internal.Redactor;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Code written against 1.0's token manager still compiles and works (the Java API gate holds it to that). */
class DeprecatedTokenManagerApiTest {
  @Test
  @SuppressWarnings("removal")
  void theOneZeroMethodsStillFetchReuseAndRevokeTokens() throws Exception {
    try (TestAtlasServer server = new TestAtlasServer().auth(TestAtlasServer.Auth.BEARER)
        .serviceAccount(CLIENT_ID, CLIENT_SECRET)) {
      Client unused = ClientBuilder.newClient();
      OAuthTokenManager tokens = new OAuthTokenManager(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET),
          URI.create(server.baseUrl()), Clock.systemUTC(), Duration.ofMinutes(5), RetryPolicy.defaults(), new Redactor());
      String token = tokens.token(unused);
      assertThat(tokens.token(unused)).isEqualTo(token);
      assertThat(tokens.requestNewToken(unused).accessToken()).isNotEqualTo(token);
      tokens.revoke(unused);
      assertThat(server.count(RecordedRequest::isTokenRequest)).isEqualTo(2);
      assertThat(server.count(RecordedRequest::isRevokeRequest)).isEqualTo(1);
      unused.close();
    }
  }
}
