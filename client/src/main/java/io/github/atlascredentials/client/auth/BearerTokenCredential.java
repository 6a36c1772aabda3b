package io.github.atlascredentials.client.auth;

import io.github.atlascredentials.client.internal.auth.Masking;

/** A static access token obtained elsewhere; it is sent as is and never renewed or revoked. */
public final class BearerTokenCredential implements Credential {
    private final String token;

    private BearerTokenCredential(String token) {
        this.token = Masking.requireText(token, "token");
    }

    public static BearerTokenCredential of(String token) {
        return new BearerTokenCredential(token);
    }

    /** The token; handle with care, never log it. */
    public String token() {
        return token;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BearerTokenCredential other && token.equals(other.token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }

    @Override
    public String toString() {
        return "BearerTokenCredential[token=" + Masking.MASK + "]";
    }
}
