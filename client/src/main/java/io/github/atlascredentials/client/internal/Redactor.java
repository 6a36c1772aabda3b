package io.github.atlascredentials.client.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces known secret values (the credential's secret or private key, access tokens) in text
 * that comes from the network before it reaches an exception message or a log line.
 */
public final class Redactor {
  private static final String MASK = "****";
  private static final int MIN_SECRET_LENGTH = 6;
  private final List<String> secrets = new CopyOnWriteArrayList<>();

  public void register(String secret) {
    if (secret != null && secret.length() >= MIN_SECRET_LENGTH && !secrets.contains(secret)) {
      secrets.add(secret);
    }
  }

  public void forget(String secret) {
    secrets.remove(secret);
  }

  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(Objects.requireNonNull(secret), MASK);
    }
    return result;
  }
}
