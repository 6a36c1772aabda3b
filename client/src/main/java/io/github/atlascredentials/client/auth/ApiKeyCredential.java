package io.github.atlascredentials.client.auth;

import io.github.atlascredentials.client.internal.auth.Masking;
import java.util.Objects;

/** A programmatic API key (public + private key), sent with HTTP Digest. */
public final class ApiKeyCredential implements Credential {
    private final String publicKey;
    private final String privateKey;

    private ApiKeyCredential(String publicKey, String privateKey) {
        this.publicKey = Masking.requireText(publicKey, "publicKey");
        this.privateKey = Masking.requireText(privateKey, "privateKey");
    }

    public static ApiKeyCredential of(String publicKey, String privateKey) {
        return new ApiKeyCredential(publicKey, privateKey);
    }

    public String publicKey() {
        return publicKey;
    }

    /** The private key; handle with care, never log it. */
    public String privateKey() {
        return privateKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKeyCredential other
                && publicKey.equals(other.publicKey)
                && privateKey.equals(other.privateKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(publicKey);
    }

    @Override
    public String toString() {
        return "ApiKeyCredential[publicKey=" + publicKey + ", privateKey=" + Masking.MASK + "]";
    }
}
