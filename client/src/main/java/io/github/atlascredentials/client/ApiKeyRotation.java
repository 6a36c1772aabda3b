package io.github.atlascredentials.client;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.ApiKeyRole;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rotates a programmatic API key in two steps: {@link #start()} reads the old key, creates a new key with the
 * old key's description and roles and proves it with an HTTP Digest call (it reads itself back); once every user
 * of the old key has switched, {@link #retireOldKey()} deletes the old key. It never deletes the key the client
 * authenticates with unless {@link Builder#allowRetiringOwnKey()} says so.
 *
 * <pre>{@code
 * ApiKeyRotation rotation = ApiKeyRotation.ofAtlasOrgApiKey(atlas, orgId, oldKeyId).build();
 * ApiKeyRotation.Started started = rotation.start();
 * // hand started.credential() to the users of the key, then:
 * rotation.retireOldKey();
 * }</pre>
 */
public final class ApiKeyRotation {
  private final AtlasCredentialsClient client;
  private final boolean atlas;
  private final String orgId;
  private final String oldKeyId;
  private final boolean allowOwn;

  private ApiKeyRotation(Builder b) {
    this.client = b.client;
    this.atlas = b.atlas;
    this.orgId = b.orgId;
    this.oldKeyId = b.oldKeyId;
    this.allowOwn = b.allowOwn;
  }

  /** An organization API key, through the Atlas Admin API v2 (in the media-type version the spec gives these operations). */
  public static Builder ofAtlasOrgApiKey(AtlasCredentialsClient client, String orgId, String apiKeyId) {
    return new Builder(client, true, orgId, apiKeyId);
  }

  /** An organization API key, through the Cloud Manager Public API v1.0. */
  public static Builder ofCloudManagerOrgApiKey(AtlasCredentialsClient client, String orgId, String apiKeyId) {
    return new Builder(client, false, orgId, apiKeyId);
  }

  /** The result of {@link #start()}: the new key (its private key is in here only) and the id of the old one. */
  public record Started(ApiKey newKey, ApiKeyCredential credential, String oldKeyId) {
    @Override
    public String toString() {
      return "ApiKeyRotation.Started[newKeyId=" + newKey.getId() + ", publicKey=" + newKey.getPublicKey()
          + ", oldKeyId=" + oldKeyId + "]";
    }
  }

  /** Step one: create the new key with the old key's description and roles, and prove it with Digest. */
  public Started start() {
    ApiKey old = atlas ? client.getOrgApiKey(orgId, oldKeyId) : client.getCloudManagerOrgApiKey(orgId, oldKeyId);
    Set<OrgRoleName> roles = new LinkedHashSet<>();
    List<String> uncopyable = new ArrayList<>();
    for (ApiKeyRole role : old.getRoles()) {
      Optional<OrgRoleName> known = ApiKeyRoles.knownOrgRole(role);
      if (ApiKeyRoles.isProjectRole(role)) {
        uncopyable.add(role.getRoleName() + " on project " + role.getGroupId());
      } else if (orgId.equals(role.getOrgId())) {
        known.ifPresentOrElse(roles::add, () -> uncopyable.add(role.getRoleName()));
      }
    }
    if (!uncopyable.isEmpty()) {
      // A new key without them would silently lose access: refuse before creating anything.
      throw new RotationException("API key " + oldKeyId + " has roles this client cannot give a new key ("
          + String.join(", ", uncopyable) + "): project roles need the project API-key operations, which this client"
          + " does not call, and an organization role this client does not know cannot be requested. Nothing was"
          + " created; the old key is unchanged.", null, List.of(), null);
    }
    ApiKey created = atlas ? client.createAtlasOrgApiKey(orgId, old.getDesc(), roles)
        : client.createOrgApiKey(orgId, old.getDesc(), roles);
    ApiKeyCredential credential = ApiKeyCredential.of(created.getPublicKey(), created.getPrivateKey());
    try (AtlasCredentialsClient proof = client.withCredential(credential)) {
      ApiKey self = atlas ? proof.getOrgApiKey(orgId, created.getId()) : proof.getCloudManagerOrgApiKey(orgId, created.getId());
      if (!created.getId().equals(self.getId())) {
        throw new AtlasResponseException(200, "the new key read back another key", "");
      }
    } catch (AtlasClientException e) {
      throw new RotationException("The new API key " + created.getId() + " (public key " + created.getPublicKey()
          + ") failed its Digest proof (" + e.getMessage() + "); it was left in place and the old key "
          + oldKeyId + " is unchanged.", created.getId(), List.of(), e);
    }
    return new Started(created, credential, oldKeyId);
  }

  /**
   * Step two: deletes the old key once its users have switched. Refuses when the old key is the one this client
   * authenticates with, unless allowed.
   */
  public void retireOldKey() {
    if (!allowOwn && client.credential() instanceof ApiKeyCredential own) {
      ApiKey old = atlas ? client.getOrgApiKey(orgId, oldKeyId) : client.getCloudManagerOrgApiKey(orgId, oldKeyId);
      if (own.publicKey().equals(old.getPublicKey())) {
        throw new RotationException("API key " + oldKeyId + " is the one this client authenticates with; retire it"
            + " from a client that uses the new key, or set allowRetiringOwnKey(). Nothing was deleted.", null,
            List.of(), null);
      }
    }
    if (atlas) {
      client.deleteOrgApiKey(orgId, oldKeyId);
    } else {
      client.deleteCloudManagerOrgApiKey(orgId, oldKeyId);
    }
  }

  /** Settings of an API key rotation. */
  public static final class Builder {
    private final AtlasCredentialsClient client;
    private final boolean atlas;
    private final String orgId;
    private final String oldKeyId;
    private boolean allowOwn;

    private Builder(AtlasCredentialsClient client, boolean atlas, String orgId, String oldKeyId) {
      this.client = Objects.requireNonNull(client, "client");
      this.atlas = atlas;
      this.orgId = Objects.requireNonNull(orgId, "orgId");
      this.oldKeyId = Objects.requireNonNull(oldKeyId, "apiKeyId");
    }

    /** Allows deleting the key the client authenticates with (its own access then ends). */
    public Builder allowRetiringOwnKey() {
      this.allowOwn = true;
      return this;
    }

    public ApiKeyRotation build() {
      return new ApiKeyRotation(this);
    }
  }
}
