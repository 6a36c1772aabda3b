package io.github.atlascredentials.emulator.resources;

import io.github.atlascredentials.emulator.generated.api.ProgrammaticApiKeysApi;
import io.github.atlascredentials.emulator.generated.model.ApiKey;
import io.github.atlascredentials.emulator.generated.model.ApiKeyRequest;
import io.github.atlascredentials.emulator.generated.model.ApiKeyRole;
import io.github.atlascredentials.emulator.generated.model.Link;
import io.github.atlascredentials.emulator.generated.model.OrgRoleName;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.state.EmulatorState;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;

/** Creates programmatic API keys (answers 200, as the real service does). */
public final class ProgrammaticApiKeysResource implements ProgrammaticApiKeysApi {
    private final EmulatorState state;
    @Context
    private Provider<ContainerRequestContext> context;

    public ProgrammaticApiKeysResource(EmulatorState state) {
        this.state = state;
    }

    @Override
    public Response createOrgApiKey(String orgId, ApiKeyRequest body, Integer pageNum, Integer itemsPerPage,
                                    Boolean pretty, Boolean envelope) {
        ApiRequest request = RequestData.of(context);
        List<String> roles = List.copyOf(new LinkedHashSet<>(body.getRoles().stream().map(OrgRoleName::toString).toList()));
        EmulatorState.CreatedApiKey created = state.createApiKey(orgId, body.getDesc(), roles);
        List<ApiKeyRole> keyRoles = created.stored().roles().stream()
                .map(r -> new ApiKeyRole().orgId(orgId).roleName(OrgRoleName.fromValue(r)))
                .toList();
        URI self = URI.create(request.baseUri() + "/api/public/v1.0/orgs/" + orgId + "/apiKeys/" + created.stored().id());
        ApiKey key = new ApiKey()
                .id(created.stored().id())
                .desc(created.stored().desc())
                .publicKey(created.stored().publicKey())
                .privateKey(created.plainPrivateKey())
                .roles(keyRoles)
                .links(List.of(new Link().href(self).rel("self")));
        return Response.ok(key, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
