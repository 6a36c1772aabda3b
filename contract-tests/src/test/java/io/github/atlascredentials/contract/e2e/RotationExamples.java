package io.github.atlascredentials.contract.e2e;

import io.github.atlascredentials.client.ApiKeyRotation;
import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.SecretRotation;
import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ServiceAccount;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import java.util.List;

/**
 * The rotations of guide 3 (docs/3-rotating-secrets.md quotes the parts between the markers), run against the
 * emulator by {@link RotationExamplesTest}. Run with {@code secret <baseUrl> <orgId> <clientId> <current secret>}
 * or {@code apikey <baseUrl> <orgId> <keyId> <publicKey> <privateKey>}.
 */
public final class RotationExamples {
    private RotationExamples() {}

    /** Lists a service account's secrets: what a rotation decides on. */
    public static List<ServiceAccountSecret> secrets(String baseUrl, String orgId, String clientId, String secret) {
        // snippet:start read-secrets
        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(baseUrl)
                .credential(ServiceAccountCredential.of(clientId, secret))
                .build()) {
            ServiceAccount account = atlas.getOrgServiceAccount(orgId, clientId);
            for (ServiceAccountSecret s : account.getSecrets()) {
                System.out.println(s.getId() + " " + s.getMaskedSecretValue() + " expires " + s.getExpiresAt()
                        + " last used " + s.getLastUsedAt());
            }
            return account.getSecrets();
        }
        // snippet:end read-secrets
    }

    /** Step one: a new secret, proven to work. The caller stores it, then calls {@link #retireOldSecrets}. */
    public static SecretRotation.Started startSecretRotation(
            String baseUrl, String orgId, String clientId, String currentSecret) {
        // snippet:start rotate-secret-start
        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(baseUrl)
                .credential(ServiceAccountCredential.of(clientId, currentSecret))
                .build()) {
            SecretRotation.Started started = SecretRotation.ofOrgServiceAccount(atlas, orgId, clientId)
                    .secretExpiresAfterHours(24 * 90)
                    .build()
                    .start(); // makes room if allowed, creates the new secret, proves it

            // Store started.newSecret().getSecret() in your secret manager now: it is never shown again.
            System.out.println("new secret " + started.newSecret().getId() + "; retire later: " + started.toRetire());
            return started;
        }
        // snippet:end rotate-secret-start
    }

    /** Step two, once every user has switched: deletes the old secrets, authenticated with the new one. */
    public static List<String> retireOldSecrets(
            String baseUrl, String orgId, String clientId, String newSecret, List<String> toRetire) {
        // snippet:start rotate-secret-retire
        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(baseUrl)
                .credential(ServiceAccountCredential.of(clientId, newSecret)) // the new secret from now on
                .build()) {
            SecretRotation.Retired retired = SecretRotation.ofOrgServiceAccount(atlas, orgId, clientId)
                    .buildForRetiring() // step two needs no secretExpiresAfterHours
                    .retire(toRetire); // their access tokens stop working at once
            System.out.println("retired " + retired.deleted() + ", already gone " + retired.alreadyGone());
            return retired.deleted();
        }
        // snippet:end rotate-secret-retire
    }

    /** Rotates an API key in both steps; returns the new key's credential. */
    public static ApiKeyCredential rotateApiKey(
            String baseUrl, String orgId, String oldKeyId, String publicKey, String privateKey) {
        // snippet:start rotate-api-key
        ApiKeyRotation.Started started;
        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(baseUrl)
                .credential(ApiKeyCredential.of(publicKey, privateKey))
                .build()) {
            started = ApiKeyRotation.ofAtlasOrgApiKey(atlas, orgId, oldKeyId)
                    .build()
                    .start(); // same description and roles; proven with a Digest call
        }
        // Store started.credential() (public and private key) and switch its users, then retire the old key
        // with the new one:
        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(baseUrl)
                .credential(started.credential())
                .build()) {
            ApiKeyRotation.ofAtlasOrgApiKey(atlas, orgId, oldKeyId).build().retireOldKey();
        }
        System.out.println(
                "new key " + started.newKey().getId() + " (" + started.newKey().getPublicKey() + ")");
        return started.credential();
        // snippet:end rotate-api-key
    }

    public static void main(String[] args) {
        if (args.length == 5 && args[0].equals("secret")) {
            SecretRotation.Started started = startSecretRotation(args[1], args[2], args[3], args[4]);
            retireOldSecrets(args[1], args[2], args[3], started.newSecret().getSecret(), started.toRetire());
        } else if (args.length == 6 && args[0].equals("apikey")) {
            rotateApiKey(args[1], args[2], args[3], args[4], args[5]);
        } else {
            System.err.println("usage: RotationExamples secret <baseUrl> <orgId> <clientId> <current secret>\n"
                    + "       RotationExamples apikey <baseUrl> <orgId> <keyId> <publicKey> <privateKey>");
            System.exit(2);
        }
    }
}
