package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.Roles;
import io.github.atlascredentials.emulator.auth.Principal;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import io.github.atlascredentials.emulator.state.EmulatorState;
import io.github.atlascredentials.emulator.state.Organization;
import io.github.atlascredentials.emulator.state.Project;
import java.util.Map;
import java.util.Set;

/**
 * Whether the caller may act on what the path names, read from the path parameters themselves: a
 * project ({@code groupId}: 404, then 401 unless the caller is of its organization with Project Owner or
 * Organization Owner), else an organization ({@code orgId}: 404, then 401 unless the caller is of it with
 * Organization Owner), then the service account ({@code clientId}, 404 unless it belongs there). The role an operation requires is the spec's {@code x-required-role} (by default the
 * owner role of what the path names); which roles include which lives in {@link Roles}.
 */
public final class AccessStep implements RequestStep {
    private final EmulatorState state;

    public AccessStep(EmulatorState state) {
        this.state = state;
    }

    @Override
    public void apply(ApiRequest request) {
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
                    .orElseThrow(() -> ApiProblem.of(ErrorCode.RESOURCE_NOT_FOUND, clientId));
        }
    }

    private Organization orgMemberOf(Principal principal, String orgId, String required) {
        Organization org = state.organization(orgId).orElseThrow(() -> ApiProblem.of(ErrorCode.ORG_NOT_FOUND, orgId));
        if (!principal.orgId().equals(orgId) || !Roles.satisfies(required, principal.orgRoles(), Set.of())) {
            throw unauthorized();
        }
        return org;
    }

    private Organization projectMemberOf(Principal principal, String groupId, String required) {
        Project project = state.project(groupId).orElseThrow(() -> ApiProblem.of(ErrorCode.GROUP_NOT_FOUND, groupId));
        if (!principal.orgId().equals(project.orgId())
                || !Roles.satisfies(
                        required, principal.orgRoles(), principal.projectRoles().getOrDefault(groupId, Set.of()))) {
            throw unauthorized();
        }
        return state.organization(project.orgId()).orElseThrow();
    }

    /**
     * A credential of another organization, or without the role: the answer the public observations show
     * (x-error-codes USER_UNAUTHORIZED), the same as for unknown credentials but without a new challenge,
     * since the credentials themselves were accepted.
     */
    private static ApiProblem unauthorized() {
        return ApiProblem.of(ErrorCode.USER_UNAUTHORIZED);
    }
}
