package io.github.atlascredentials.client.examples;

import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;

/**
 * The first call of docs/1-getting-started.md: the emulator's demo service account creates a
 * secret for the demo target account. Without arguments it uses the emulator's demo values;
 * otherwise {@code <baseUrl> <orgId> <clientId> <secret> <targetClientId>}.
 */
public final class GettingStarted {
    // snippet:start demo-values
    // What the emulator printed as "Listening on ...": 8080 unless it was started with another --port.
    static final String BASE_URL = System.getenv().getOrDefault("ATLAS_EMULATOR_URL", "http://127.0.0.1:8080");
    static final String ORG_ID = "4888442a3354817a7320eb61";
    static final String CLIENT_ID = "mdb_sa_id_6a1b2c3d4e5f60718293a4b5"; // ORG_OWNER
    static final String CLIENT_SECRET = "mdb_sa_sk_DemoSecretDoNotUseOutsideTheEmulator0001";
    static final String TARGET_CLIENT_ID = "mdb_sa_id_1234567890abcdef12345678"; // has no secrets yet
    // snippet:end demo-values

    private GettingStarted() {}

    /** Creates a 24-hour secret for {@code targetClientId} and returns it. */
    public static ServiceAccountSecret createSecret(
            String baseUrl, String orgId, String clientId, String clientSecret, String targetClientId) {
        // snippet:start first-call
        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(baseUrl)
                .credential(ServiceAccountCredential.of(clientId, clientSecret))
                .build()) {
            ServiceAccountSecret created = atlas.createOrgServiceAccountSecret(orgId, targetClientId, 24);

            System.out.println(created); // safe to print: the secret itself is masked
            return created; // created.getSecret() is the plain secret, returned only this once
        }
        // snippet:end first-call
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            createSecret(BASE_URL, ORG_ID, CLIENT_ID, CLIENT_SECRET, TARGET_CLIENT_ID);
        } else if (args.length == 5) {
            createSecret(args[0], args[1], args[2], args[3], args[4]);
        } else {
            System.err.println("usage: GettingStarted [<baseUrl> <orgId> <clientId> <secret> <targetClientId>]");
            System.exit(2);
        }
    }
}
