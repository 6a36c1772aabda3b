package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.Roles;
import io.github.atlascredentials.emulator.auth.Principal;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import io.github.atlascredentials.emulator.state.EmulatorState;
import io.github.atlascredentials.emulator.state.Organization;
import io.github.atlascredentials.emulator.state.Project;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.Map;
import java.util.Set;

/**
 * Whether the caller may act on what the path names, read from the path parameters themselves: a
 * project ({@code groupId}: 404, 403, then Project Owner or Organization Owner), else an organization
 * ({@code orgId}: 404, 403, then Organization Owner), then the service account ({@code clientId}, 404
 * unless it belongs there). The role an operation requires is the spec's {@code x-required-role} (by default the
 * owner role of what the path names); which roles include which lives in {@link Roles}.
 */
public final class AccessStep implements RequestStep {
    private final EmulatorState state;

    public AccessStep(EmulatorState state) {
        this.state = state;
    }

    @Override
    public void apply(ApiRequest request, ContainerRequestContext ctx) {
        Principal principal = request.principal();
        if (principal == null) {
            return;
        }
        Map<String, String> path = request.pathParameters();
        String groupId = path.get("groupId");
        Organization org;
        String required = request.operation().requiredRole();
        if (groupId != null) {
            org = projectMemberOf(principal, groupId, required == null ? Roles.GROUP_OWNER : required);
        } else if (path.containsKey("orgId")) {
            org = orgMemberOf(principal, path.get("orgId"), required == null ? Roles.ORG_OWNER : required);
        } else {
            return;
        }
        request.organization(org);
        String clientId = path.get("clientId");
        if (clientId != null) {
            state.serviceAccount(clientId)
                    .filter(a -> a.orgId().equals(org.id()))
                    .filter(a -> groupId == null || a.projectRoles().containsKey(groupId))
                    .orElseThrow(() -> ApiProblem.api(404, "RESOURCE_NOT_FOUND", "Cannot find resource " + clientId + ".", clientId));
        }
    }

    private Organization orgMemberOf(Principal principal, String orgId, String required) {
        Organization org = state.organization(orgId).orElseThrow(() -> ApiProblem.api(404, "ORG_NOT_FOUND",
                "Cannot find organization " + orgId + ".", orgId));
        if (!principal.orgId().equals(orgId)) {
            throw forbidden(orgId, "organization");
        }
        if (!Roles.satisfies(required, principal.orgRoles(), Set.of())) {
            if (Roles.ORG_OWNER.equals(required)) {
                throw ApiProblem.api(401, "NOT_ORG_OWNER", "The credential is not an Organization Owner of organization "
                        + orgId + ".", orgId);
            }
            throw lacksRole(orgId, required);
        }
        return org;
    }

    private Organization projectMemberOf(Principal principal, String groupId, String required) {
        Project project = state.project(groupId).orElseThrow(() -> ApiProblem.api(404, "GROUP_NOT_FOUND",
                "Cannot find project " + groupId + ".", groupId));
        if (!principal.orgId().equals(project.orgId())) {
            throw forbidden(groupId, "project");
        }
        if (!Roles.satisfies(required, principal.orgRoles(), principal.projectRoles().getOrDefault(groupId, Set.of()))) {
            if (Roles.GROUP_OWNER.equals(required)) {
                throw ApiProblem.api(401, "NOT_ORG_OWNER", "The credential is neither Project Owner of project "
                        + groupId + " nor Organization Owner of its organization.", groupId);
            }
            throw lacksRole(groupId, required);
        }
        return state.organization(project.orgId()).orElseThrow();
    }

    private static ApiProblem lacksRole(String id, String required) {
        return ApiProblem.api(403, "ACCESS_FORBIDDEN", "The credential lacks the role " + required + " (or one that includes it) on "
                + id + ".", id);
    }

    private static ApiProblem forbidden(String id, String what) {
        return ApiProblem.api(403, "ACCESS_FORBIDDEN", "The credential has no access to " + what + " " + id + ".", id);
    }
}
