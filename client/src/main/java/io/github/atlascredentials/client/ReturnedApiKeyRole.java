package io.github.atlascredentials.client;

import io.github.atlascredentials.client.generated.model.ApiKeyRole;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import java.util.Optional;

/**
 * A role of an API key as the service returned it. The service adds roles over time: a role name
 * this client does not know is kept here as text ({@link #roleNameAsReturned()}) and leaves
 * {@link #getRoleName()} {@code null}, instead of failing the call that created the key.
 * Every role of an {@code ApiKey} this client returns is of this type.
 */
public final class ReturnedApiKeyRole extends ApiKeyRole {
  private final String roleNameAsReturned;

  public ReturnedApiKeyRole(String orgId, OrgRoleName known, String roleNameAsReturned) {
    this.roleNameAsReturned = roleNameAsReturned;
    setOrgId(orgId);
    setRoleName(known);
  }

  /** The role name exactly as the service sent it, known to this client or not. */
  public String roleNameAsReturned() {
    return roleNameAsReturned;
  }

  /** The role as this client's enum; empty for a role it does not know yet. */
  public Optional<OrgRoleName> knownRoleName() {
    return Optional.ofNullable(getRoleName());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReturnedApiKeyRole other && super.equals(other)
        && java.util.Objects.equals(roleNameAsReturned, other.roleNameAsReturned);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(super.hashCode(), roleNameAsReturned);
  }

  @Override
  public String toString() {
    return "ReturnedApiKeyRole[orgId=" + getOrgId() + ", roleName=" + roleNameAsReturned + "]";
  }
}
