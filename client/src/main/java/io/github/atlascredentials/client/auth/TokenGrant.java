package io.github.atlascredentials.client.auth;

import io.github.atlascredentials.client.internal.auth.Masking;

/** An access token obtained by a one-off request; masked in {@code toString()}. */
public record TokenGrant(String accessToken) {
    @Override
    public String toString() {
        return "TokenGrant[accessToken=" + Masking.MASK + "]";
    }
}
