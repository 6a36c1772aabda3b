package io.github.atlascredentials.client;

import java.util.List;

/**
 * A rotation stopped before doing something unsafe or after a step failed. The message says what was done,
 * what was not and what to do; {@link #createdSecretId()} / {@link #createdApiKeyId()} name what the rotation
 * created before it stopped (empty when nothing). Never carries a secret.
 */
public final class RotationException extends AtlasClientException {
  private static final long serialVersionUID = 1L;

  private final String createdId;
  private final List<String> deletedIds;

  RotationException(String message, String createdId, List<String> deletedIds, Throwable cause) {
    super(message, cause);
    this.createdId = createdId;
    this.deletedIds = List.copyOf(deletedIds);
  }

  /** The id of the secret this rotation created and left in place, if any. */
  public java.util.Optional<String> createdSecretId() {
    return java.util.Optional.ofNullable(createdId);
  }

  /** The id of the API key this rotation created and left in place, if any. */
  public java.util.Optional<String> createdApiKeyId() {
    return java.util.Optional.ofNullable(createdId);
  }

  /** The ids this rotation deleted before it stopped (expired secrets, or the secret it was told to retire). */
  public List<String> deletedIds() {
    return deletedIds;
  }
}
