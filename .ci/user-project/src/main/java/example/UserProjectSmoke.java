package example;

import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import java.util.List;

/**
 * Calls the emulator's demo organization with both credential types, through the client jar as a
 * user's project resolves it. Exits non-zero (by exception) when anything fails.
 */
public final class UserProjectSmoke {
  private static final String ORG_ID = "4888442a3354817a7320eb61";
  private static final String TARGET_CLIENT_ID = "mdb_sa_id_1234567890abcdef12345678";

  public static void main(String[] args) {
    String baseUrl = args[0];
    try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
        .baseUrl(baseUrl)
        .credential(ServiceAccountCredential.of("mdb_sa_id_6a1b2c3d4e5f60718293a4b5",
            "mdb_sa_sk_DemoSecretDoNotUseOutsideTheEmulator0001"))
        .build()) {
      ServiceAccountSecret secret = atlas.createOrgServiceAccountSecret(ORG_ID, TARGET_CLIENT_ID, 24);
      require(secret.getSecret() != null && secret.getSecret().startsWith("mdb_sa_sk_"), "a new secret");
      atlas.revokeAccessToken(ServiceAccountCredential.of(TARGET_CLIENT_ID, secret.getSecret()),
          atlas.requestAccessToken(ServiceAccountCredential.of(TARGET_CLIENT_ID, secret.getSecret())).accessToken());
    }
    try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
        .baseUrl(baseUrl)
        .credential(ApiKeyCredential.of("zmmrboas", "0f6b8c1e-2d3a-4b5c-9e7f-db2c132ca78d"))
        .build()) {
      ApiKey key = atlas.createOrgApiKey(ORG_ID, "user-project smoke", List.of(OrgRoleName.ORG_MEMBER));
      require(key.getPublicKey() != null && key.getPrivateKey() != null, "a new API key");
    }
    System.out.println("user-project smoke: OK (service account and API key calls through the client jar)");
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("user-project smoke: expected " + what);
    }
  }
}
