package io.github.atlascredentials.contract.e2e;

import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;

/**
 * The README's first call, a whole program (the README quotes it from the class declaration on, so it
 * compiles in any package). {@link FirstCallTest} runs it as a user would, against an emulator started
 * with its demo data.
 */
// snippet:start first-call
public final class FirstCall {
    public static void main(String[] args) {
        // The demo data the emulator prints when it starts; its address, if not the default, from the environment.
        String baseUrl = System.getenv().getOrDefault("ATLAS_EMULATOR_URL", "http://127.0.0.1:8080");
        String orgId = "4888442a3354817a7320eb61";
        String clientId = "mdb_sa_id_6a1b2c3d4e5f60718293a4b5";
        String clientSecret = "mdb_sa_sk_DemoSecretDoNotUseOutsideTheEmulator0001";
        String targetClientId = "mdb_sa_id_1234567890abcdef12345678";

        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(baseUrl)
                .credential(ServiceAccountCredential.of(clientId, clientSecret))
                .build()) {
            ServiceAccountSecret created = atlas.createOrgServiceAccountSecret(orgId, targetClientId, 24);

            System.out.println(created); // safe to print: the secret itself is masked
            // created.getSecret() is the plain secret, returned only this once: store it now.
        }
    }
}
// snippet:end first-call
