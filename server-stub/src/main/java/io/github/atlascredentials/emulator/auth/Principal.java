package io.github.atlascredentials.emulator.auth;

import java.util.Map;
import java.util.Set;

/** Who made a request: a service account (bearer token) or an API key (Digest), with its roles. */
public record Principal(
        Kind kind, String id, String orgId, Set<String> orgRoles, Map<String, Set<String>> projectRoles) {
    public enum Kind {
        SERVICE_ACCOUNT,
        API_KEY
    }

    public boolean hasOrgRole(String role) {
        return orgRoles.contains(role);
    }

    public boolean hasProjectRole(String projectId, String role) {
        return projectRoles.getOrDefault(projectId, Set.of()).contains(role);
    }
}
