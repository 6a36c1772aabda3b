package io.github.atlascredentials.client;

import io.github.atlascredentials.client.generated.model.ApiKeyRole;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import java.util.Optional;

/**
 * Reads the roles of an API key as the service returns them. The spec gives a role name as text: the service
 * adds roles over time, and a key read back also lists its project roles ({@code groupId} with, say,
 * {@code GROUP_OWNER}), so {@link ApiKeyRole#getRoleName()} always holds the name exactly as sent. These give
 * the typed view where there is one.
 */
public final class ApiKeyRoles {
    private ApiKeyRoles() {}

    /** The role as this client's organization role; empty for a project role or a role this client does not know. */
    public static Optional<OrgRoleName> knownOrgRole(ApiKeyRole role) {
        if (role.getOrgId() == null || role.getGroupId() != null) {
            return Optional.empty();
        }
        for (OrgRoleName known : OrgRoleName.values()) {
            if (known.getValue().equals(role.getRoleName())) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /** Whether the role applies to a project ({@code groupId}) rather than to an organization. */
    public static boolean isProjectRole(ApiKeyRole role) {
        return role.getGroupId() != null;
    }
}
