package io.github.atlascredentials.emulator.state;

import java.util.Map;
import java.util.Set;

/**
 * A service account of an organization: its organization roles and, per project it is assigned to,
 * its project roles.
 */
public record ServiceAccount(String clientId, String orgId, String name, Set<String> roles,
                             Map<String, Set<String>> projectRoles) {
    public ServiceAccount {
        roles = Set.copyOf(roles);
        projectRoles = Map.copyOf(projectRoles);
    }
}
