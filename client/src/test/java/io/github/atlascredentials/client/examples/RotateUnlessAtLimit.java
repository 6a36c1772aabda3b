package io.github.atlascredentials.client.examples;

import io.github.atlascredentials.client.AtlasApiException;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import java.util.Optional;

/**
 * Runs {@link RotateServiceAccountSecret} and turns the 2-secret limit into an outcome the caller
 * can act on instead of an exception, as docs/3-rotating-secrets.md describes.
 */
public final class RotateUnlessAtLimit {
    private RotateUnlessAtLimit() {}

    /** The new secret, or empty when the service account already holds 2 secrets. */
    public static Optional<ServiceAccountSecret> rotate(
            String baseUrl, String orgId, String clientId, String currentSecret) {
        // snippet:start at-limit
        try {
            return Optional.of(RotateServiceAccountSecret.rotate(baseUrl, orgId, clientId, currentSecret));
        } catch (AtlasApiException e) {
            if (!e.isErrorCode("MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED")) {
                throw e;
            }
            // Two secrets exist already, expired ones included. Nothing was created and the current
            // secret keeps its expiry. Delete the secret that is no longer in use, then rotate again.
            System.err.println("rotation not done: " + e.detail().orElse(e.getMessage()));
            return Optional.empty();
        }
        // snippet:end at-limit
    }
}
