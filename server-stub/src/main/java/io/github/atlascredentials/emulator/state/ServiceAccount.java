package io.github.atlascredentials.emulator.state;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A service account of an organization: its organization roles and, per project it is assigned to,
 * its project roles; its description and creation time as read back ({@code null} when unknown, e.g. an
 * account stored before they were kept).
 */
public record ServiceAccount(
        String clientId,
        String orgId,
        String name,
        Set<String> roles,
        Map<String, Set<String>> projectRoles,
        String description,
        Instant createdAt) {
    public ServiceAccount {
        roles = Set.copyOf(roles);
        projectRoles = Map.copyOf(projectRoles);
    }

    public ServiceAccount(
            String clientId, String orgId, String name, Set<String> roles, Map<String, Set<String>> projectRoles) {
        this(clientId, orgId, name, roles, projectRoles, null, null);
    }
}
