package io.github.atlascredentials.client.auth;

/** Masks secret material for display: nothing of the secret is ever shown. */
final class Masking {
  static final String MASK = "****";

  private Masking() {
  }

  static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
