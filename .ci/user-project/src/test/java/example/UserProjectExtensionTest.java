package example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.emulator.junit.AtlasEmulatorExtension;
import io.github.atlascredentials.emulator.junit.DemoCredentials;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JUnit 5 extension as a user's project gets it from the repository: an emulator per class. */
@ExtendWith(AtlasEmulatorExtension.class)
class UserProjectExtensionTest {

  @Test
  void rotatesASecretAgainstTheInProcessEmulator(URI baseUri, DemoCredentials demo) {
    try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
        .baseUrl(baseUri.toString())
        .credential(ServiceAccountCredential.of(demo.clientId(), demo.clientSecret()))
        .build()) {
      ServiceAccountSecret secret = atlas.createOrgServiceAccountSecret(demo.orgId(), demo.targetClientId(), 24);
      assertTrue(secret.getSecret().startsWith("mdb_sa_sk_"));
    }
  }
}
