package io.github.atlascredentials.client.examples;

import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.BearerTokenCredential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import java.time.Duration;
import java.util.List;

/** One client per credential type, as docs/2-authentication.md shows them. */
public final class AuthenticationExamples {
    private AuthenticationExamples() {}

    /** A service account (OAuth 2.0 client credentials) creates a programmatic API key. */
    public static ApiKey withServiceAccount(String baseUrl, String orgId, String clientId, String clientSecret) {
        // snippet:start service-account
        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(baseUrl)
                .credential(ServiceAccountCredential.of(clientId, clientSecret))
                .tokenRenewalAhead(Duration.ofMinutes(2)) // default 60 s before the token expires
                .build()) {
            // The first call fetches a token; every later call, from any thread, reuses it.
            ApiKey key = atlas.createOrgApiKey(orgId, "Deploy pipeline", List.of(OrgRoleName.ORG_MEMBER));
            System.out.println("created API key " + key.getPublicKey());
            return key;
        } // close() revokes the token
        // snippet:end service-account
    }

    /** A programmatic API key (HTTP Digest) creates a service-account secret through Cloud Manager. */
    public static ServiceAccountSecret withApiKey(
            String baseUrl, String orgId, String publicKey, String privateKey, String targetClientId) {
        // snippet:start api-key
        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(baseUrl)
                .credential(ApiKeyCredential.of(publicKey, privateKey))
                .build()) {
            // Cloud Manager Public API v1.0: the hours are sent as the string "3600".
            ServiceAccountSecret created = atlas.createCloudManagerServiceAccountSecret(orgId, targetClientId, 3600);
            System.out.println("created secret " + created.getId() + ", expires " + created.getExpiresAt());
            return created;
        }
        // snippet:end api-key
    }

    /** An access token obtained elsewhere, sent as is. */
    public static ApiKey withBearerToken(String baseUrl, String orgId, String accessToken) {
        // snippet:start bearer-token
        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(baseUrl)
                .credential(BearerTokenCredential.of(accessToken)) // never renewed, never revoked
                .build()) {
            return atlas.createOrgApiKey(orgId, "Reporting job", List.of(OrgRoleName.ORG_READ_ONLY));
        }
        // snippet:end bearer-token
    }
}
