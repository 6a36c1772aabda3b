package io.github.atlascredentials.client.examples;

import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.auth.TokenGrant;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;

/**
 * Rotates a service-account secret: the service account creates a new secret for itself, then
 * proves that the new secret obtains an access token. Run with
 * {@code <baseUrl> <orgId> <clientId> <current secret>}; docs quote the part between the markers.
 */
public final class RotateServiceAccountSecret {
    private RotateServiceAccountSecret() {}

    /** Returns the new secret; the caller stores it in its secret manager. */
    public static ServiceAccountSecret rotate(String baseUrl, String orgId, String clientId, String currentSecret) {
        // snippet:start rotate-secret
        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(baseUrl)
                .credential(ServiceAccountCredential.of(clientId, currentSecret))
                .build()) {
            ServiceAccountSecret created = atlas.createOrgServiceAccountSecret(orgId, clientId, 24 * 90);

            ServiceAccountCredential next = ServiceAccountCredential.of(clientId, created.getSecret());
            TokenGrant proof = atlas.requestAccessToken(next); // fails if the new secret does not work
            atlas.revokeAccessToken(next, proof.accessToken());

            System.out.println("new secret " + created.getId() + " expires " + created.getExpiresAt());
            return created;
        } // close() also revokes the token obtained with the old secret
        // snippet:end rotate-secret
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: RotateServiceAccountSecret <baseUrl> <orgId> <clientId> <current secret>");
            System.exit(2);
        }
        rotate(args[0], args[1], args[2], args[3]);
    }
}
