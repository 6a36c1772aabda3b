package io.github.atlascredentials.client;

import io.github.atlascredentials.client.auth.OAuthTokenManager.TokenGrant;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.spec.rules.ApiRules;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Rotates the secret of a service account in two steps, with only the toolkit:
 *
 * <ol>
 *   <li>{@link #start()} reads the account's secrets; when the account is at its limit it deletes expired
 *   secrets first, else the secret named with {@link Builder#retireIfFull(String)}, else it stops with a
 *   {@link RotationException} and changes nothing. It then creates the new secret and proves it by obtaining an
 *   access token with it (and revoking that token). It returns the new secret and the ids of the secrets left to
 *   retire.</li>
 *   <li>Once every user of the old secret has switched, {@link #retire(Collection)} deletes the old secrets.</li>
 * </ol>
 *
 * <p>It never deletes the secret the client authenticates with unless {@link Builder#allowRetiringOwnSecret()}
 * says so, and never deletes a secret when that would leave the account without an unexpired secret. Secrets
 * are recognized by their masked value (the prefix and last four characters).
 *
 * <pre>{@code
 * SecretRotation rotation = SecretRotation.ofOrgServiceAccount(atlas, orgId, clientId)
 *     .secretExpiresAfterHours(720)
 *     .build();
 * SecretRotation.Started started = rotation.start();
 * // store started.newSecret().getSecret(), switch its users, then (ideally from a client on the new secret):
 * rotation.retire(started.toRetire());
 * }</pre>
 */
public final class SecretRotation {
  private static final int MAX_SECRETS = (int) ApiRules.builtIn().limit("maxSecretsPerServiceAccount");

  /** Where the service account lives, which decides the operations used. */
  private enum Scope { ORGANIZATION, PROJECT, CLOUD_MANAGER }

  private final AtlasCredentialsClient client;
  private final Scope scope;
  private final String parentId;
  private final String clientId;
  private final Integer hours;
  private final String retireIfFull;
  private final boolean allowOwn;
  private final Clock clock;

  private SecretRotation(Builder b) {
    this.client = b.client;
    this.scope = b.scope;
    this.parentId = b.parentId;
    this.clientId = b.clientId;
    this.hours = b.hours;
    this.retireIfFull = b.retireIfFull;
    this.allowOwn = b.allowOwn;
    this.clock = b.clock;
  }

  /** A service account of an organization, through the Atlas Admin API v2. */
  public static Builder ofOrgServiceAccount(AtlasCredentialsClient client, String orgId, String clientId) {
    return new Builder(client, Scope.ORGANIZATION, orgId, clientId);
  }

  /** A service account of a project, through the Atlas Admin API v2 project operations. */
  public static Builder ofGroupServiceAccount(AtlasCredentialsClient client, String groupId, String clientId) {
    return new Builder(client, Scope.PROJECT, groupId, clientId);
  }

  /** A service account of an organization, through the Cloud Manager Public API v1.0. */
  public static Builder ofCloudManagerServiceAccount(AtlasCredentialsClient client, String orgId, String clientId) {
    return new Builder(client, Scope.CLOUD_MANAGER, orgId, clientId);
  }

  /** The result of {@link #start()}: the new secret, proven to work, and what is left to retire. */
  public record Started(ServiceAccountSecret newSecret, ServiceAccountCredential credential, List<String> toRetire,
                        List<String> deletedExpired) {
    public Started {
      toRetire = List.copyOf(toRetire);
      deletedExpired = List.copyOf(deletedExpired);
    }

    @Override
    public String toString() {
      return "SecretRotation.Started[newSecretId=" + newSecret.getId() + ", toRetire=" + toRetire
          + ", deletedExpired=" + deletedExpired + "]";
    }
  }

  /**
   * Step one: make room if needed and allowed, create the new secret, prove it.
   *
   * @throws RotationException when it stopped; its message says what was done and what to do
   * @throws IllegalStateException when {@link Builder#secretExpiresAfterHours(int)} was not set
   */
  public Started start() {
    if (hours == null) {
      throw new IllegalStateException("secretExpiresAfterHours is required to start a rotation");
    }
    List<ServiceAccountSecret> secrets = secrets();
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<String> deleted = new ArrayList<>();
    if (secrets.size() >= MAX_SECRETS) {
      for (ServiceAccountSecret secret : secrets) {
        if (expired(secret, now) && !isOwn(secret)) {
          delete(secret.getId());
          deleted.add(secret.getId());
        }
      }
      if (secrets.size() - deleted.size() >= MAX_SECRETS) {
        makeRoomWithNamedSecret(secrets, now, deleted);
      }
    }
    ServiceAccountSecret created;
    try {
      created = create();
    } catch (AtlasClientException e) {
      throw new RotationException("Creating the new secret of " + clientId + " failed (" + e.getMessage()
          + "); the existing secrets are unchanged" + deletedNote(deleted) + ".", null, deleted, e);
    }
    ServiceAccountCredential credential = ServiceAccountCredential.of(clientId, created.getSecret());
    try {
      TokenGrant grant = client.requestAccessToken(credential);
      client.revokeAccessToken(credential, grant.accessToken());
    } catch (AtlasClientException e) {
      throw new RotationException("The new secret " + created.getId() + " of " + clientId
          + " could not obtain an access token (" + e.getMessage() + "); it was left in place, the old secrets"
          + " were not retired" + deletedNote(deleted) + ".", created.getId(), deleted, e);
    }
    List<String> toRetire = new ArrayList<>();
    for (ServiceAccountSecret secret : secrets) {
      if (!deleted.contains(secret.getId())) {
        toRetire.add(secret.getId());
      }
    }
    return new Started(created, credential, toRetire, deleted);
  }

  private void makeRoomWithNamedSecret(List<ServiceAccountSecret> secrets, OffsetDateTime now, List<String> deleted) {
    if (retireIfFull == null) {
      throw new RotationException("Service account " + clientId + " already has the maximum of " + MAX_SECRETS
          + " secrets and none of them has expired; nothing was created" + deletedNote(deleted)
          + ". Name the secret to retire with retireIfFull(secretId) (ids: " + ids(secrets) + ").", null, deleted, null);
    }
    ServiceAccountSecret named = secrets.stream().filter(s -> s.getId().equals(retireIfFull)).findFirst()
        .orElseThrow(() -> new RotationException("Secret " + retireIfFull + " is not a secret of " + clientId
            + " (ids: " + ids(secrets) + "); nothing was created" + deletedNote(deleted) + ".", null, deleted, null));
    if (isOwn(named) && !allowOwn) {
      throw new RotationException("Secret " + retireIfFull + " is the one this client authenticates with; it is"
          + " not deleted unless allowRetiringOwnSecret() is set. Nothing was created" + deletedNote(deleted) + ".",
          null, deleted, null);
    }
    boolean otherWorks = secrets.stream().anyMatch(s -> !s.getId().equals(retireIfFull)
        && !deleted.contains(s.getId()) && !expired(s, now));
    if (!otherWorks) {
      throw new RotationException("Secret " + retireIfFull + " is the only unexpired secret of " + clientId
          + "; deleting it before the new secret exists could leave the account with no working secret."
          + " Nothing was created" + deletedNote(deleted) + ".", null, deleted, null);
    }
    delete(retireIfFull);
    deleted.add(retireIfFull);
  }

  /**
   * Step two: deletes the given secrets (usually {@link Started#toRetire()}) once their users have switched.
   * Refuses, before deleting anything, when a secret is unknown, is the one this client authenticates with
   * (unless allowed), or when the account would be left without an unexpired secret. Secrets already gone are
   * skipped.
   *
   * @return the ids deleted
   */
  public List<String> retire(Collection<String> secretIds) {
    Objects.requireNonNull(secretIds, "secretIds");
    Set<String> wanted = new LinkedHashSet<>(secretIds);
    List<ServiceAccountSecret> secrets = secrets();
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean anyLeft = secrets.stream().anyMatch(s -> !wanted.contains(s.getId()) && !expired(s, now));
    if (!anyLeft) {
      throw new RotationException("Retiring " + wanted + " would leave " + clientId
          + " without an unexpired secret; nothing was deleted. Create and switch to a new secret first (start()).",
          null, List.of(), null);
    }
    for (ServiceAccountSecret secret : secrets) {
      if (wanted.contains(secret.getId()) && isOwn(secret) && !allowOwn) {
        throw new RotationException("Secret " + secret.getId() + " is the one this client authenticates with;"
            + " retire it from a client that uses the new secret, or set allowRetiringOwnSecret(). Nothing was"
            + " deleted.", null, List.of(), null);
      }
    }
    List<String> deleted = new ArrayList<>();
    for (ServiceAccountSecret secret : secrets) {
      if (wanted.contains(secret.getId())) {
        delete(secret.getId());
        deleted.add(secret.getId());
      }
    }
    return deleted;
  }

  private List<ServiceAccountSecret> secrets() {
    List<ServiceAccountSecret> secrets = switch (scope) {
      case ORGANIZATION -> client.getOrgServiceAccount(parentId, clientId).getSecrets();
      case PROJECT -> client.getGroupServiceAccount(parentId, clientId).getSecrets();
      case CLOUD_MANAGER -> client.getCloudManagerServiceAccount(parentId, clientId).getSecrets();
    };
    return secrets == null ? List.of() : secrets;
  }

  private ServiceAccountSecret create() {
    return switch (scope) {
      case ORGANIZATION -> client.createOrgServiceAccountSecret(parentId, clientId, hours);
      case PROJECT -> client.createGroupServiceAccountSecret(parentId, clientId, hours);
      case CLOUD_MANAGER -> client.createCloudManagerServiceAccountSecret(parentId, clientId, hours);
    };
  }

  private void delete(String secretId) {
    switch (scope) {
      case ORGANIZATION -> client.deleteOrgServiceAccountSecret(parentId, clientId, secretId);
      case PROJECT -> client.deleteGroupServiceAccountSecret(parentId, clientId, secretId);
      case CLOUD_MANAGER -> client.deleteCloudManagerServiceAccountSecret(parentId, clientId, secretId);
      default -> throw new IllegalStateException();
    }
  }

  /** Whether this may be the secret the client authenticates with (same account, same masked value). */
  private boolean isOwn(ServiceAccountSecret secret) {
    if (!(client.credential() instanceof ServiceAccountCredential own) || !own.clientId().equals(clientId)) {
      return false;
    }
    String masked = secret.getMaskedSecretValue();
    String plain = own.secret();
    return masked == null || plain.length() < 4 || masked.endsWith(plain.substring(plain.length() - 4));
  }

  private static boolean expired(ServiceAccountSecret secret, OffsetDateTime now) {
    return secret.getExpiresAt() != null && !now.isBefore(secret.getExpiresAt());
  }

  private static List<String> ids(List<ServiceAccountSecret> secrets) {
    return secrets.stream().map(ServiceAccountSecret::getId).toList();
  }

  private static String deletedNote(List<String> deleted) {
    return deleted.isEmpty() ? "" : " (expired or named secrets deleted first: " + deleted + ")";
  }

  /** Settings of a rotation; {@link #secretExpiresAfterHours(int)} is required to {@link SecretRotation#start()}. */
  public static final class Builder {
    private final AtlasCredentialsClient client;
    private final Scope scope;
    private final String parentId;
    private final String clientId;
    private Integer hours;
    private String retireIfFull;
    private boolean allowOwn;
    private Clock clock = Clock.systemUTC();

    private Builder(AtlasCredentialsClient client, Scope scope, String parentId, String clientId) {
      this.client = Objects.requireNonNull(client, "client");
      this.scope = scope;
      this.parentId = Objects.requireNonNull(parentId, "parent id");
      this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    /** The validity of the new secret, within the spec's and the organization's bounds; needed by {@code start()}. */
    public Builder secretExpiresAfterHours(int value) {
      this.hours = value;
      return this;
    }

    /**
     * The secret to delete when the account is at its limit after expired secrets were deleted; without it the
     * rotation stops there.
     */
    public Builder retireIfFull(String secretId) {
      this.retireIfFull = Objects.requireNonNull(secretId, "secretId");
      return this;
    }

    /** Allows deleting the secret the client authenticates with (its own access then ends). */
    public Builder allowRetiringOwnSecret() {
      this.allowOwn = true;
      return this;
    }

    /** The clock that decides which secrets have expired; for tests. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public SecretRotation build() {
      return new SecretRotation(this);
    }
  }
}
