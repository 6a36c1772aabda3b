package io.github.atlascredentials.client.internal.auth;

/** Masks secret material for display: nothing of the secret is ever shown. */
public final class Masking {
    public static final String MASK = "****";

    private Masking() {}

    public static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
