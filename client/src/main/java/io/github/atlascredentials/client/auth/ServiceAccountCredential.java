package io.github.atlascredentials.client.auth;

import io.github.atlascredentials.client.internal.auth.Masking;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A service account (client id + secret) that obtains OAuth 2.0 access tokens with the client
 * credentials grant. By default the token endpoint is {@code /api/oauth/token} of the client's
 * base URL; {@link #withTokenEndpoint(URI)} overrides it (revocation uses the sibling
 * {@code revoke} path).
 */
public final class ServiceAccountCredential implements Credential {
    private final String clientId;
    private final String secret;
    private final URI tokenEndpoint;

    private ServiceAccountCredential(String clientId, String secret, URI tokenEndpoint) {
        this.clientId = Masking.requireText(clientId, "clientId");
        this.secret = Masking.requireText(secret, "secret");
        this.tokenEndpoint = tokenEndpoint;
    }

    public static ServiceAccountCredential of(String clientId, String secret) {
        return new ServiceAccountCredential(clientId, secret, null);
    }

    /** A copy that asks this absolute token URL for tokens instead of the base URL's. */
    public ServiceAccountCredential withTokenEndpoint(URI tokenUrl) {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        if (!tokenUrl.isAbsolute()) {
            throw new IllegalArgumentException("tokenUrl must be absolute");
        }
        return new ServiceAccountCredential(clientId, secret, tokenUrl);
    }

    public String clientId() {
        return clientId;
    }

    /** The secret; handle with care, never log it. */
    public String secret() {
        return secret;
    }

    public Optional<URI> tokenEndpoint() {
        return Optional.ofNullable(tokenEndpoint);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceAccountCredential other
                && clientId.equals(other.clientId)
                && secret.equals(other.secret)
                && Objects.equals(tokenEndpoint, other.tokenEndpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, tokenEndpoint);
    }

    @Override
    public String toString() {
        return "ServiceAccountCredential[clientId=" + clientId + ", secret=" + Masking.MASK + "]";
    }
}
