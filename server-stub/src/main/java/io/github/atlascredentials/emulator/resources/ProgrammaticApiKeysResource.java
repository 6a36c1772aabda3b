package io.github.atlascredentials.emulator.resources;

import io.github.atlascredentials.emulator.generated.api.ProgrammaticApiKeysApi;
import io.github.atlascredentials.emulator.generated.model.ApiKey;
import io.github.atlascredentials.emulator.generated.model.ApiKeyRequest;
import io.github.atlascredentials.emulator.generated.model.ApiKeyRole;
import io.github.atlascredentials.emulator.generated.model.Link;
import io.github.atlascredentials.emulator.generated.model.OrgRoleName;
import io.github.atlascredentials.emulator.http.Exchange;
import io.github.atlascredentials.emulator.state.EmulatorState;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** Creates programmatic API keys (answers 200, as the real service does). */
public final class ProgrammaticApiKeysResource implements ProgrammaticApiKeysApi {
    private final EmulatorState state;

    public ProgrammaticApiKeysResource(EmulatorState state) {
        this.state = state;
    }

    @Override
    public Response createOrgApiKey(String orgId, ApiKeyRequest body, Integer pageNum, Integer itemsPerPage,
                                    Boolean pretty, Boolean envelope) {
        Exchange exchange = Exchange.current();
        EmulatorState.CreatedApiKey created = state.createApiKey(orgId, exchange.apiKeyInput.desc(),
                exchange.apiKeyInput.roles());
        List<ApiKeyRole> roles = created.stored().roles().stream()
                .map(r -> new ApiKeyRole().orgId(orgId).roleName(OrgRoleName.fromValue(r)))
                .toList();
        URI self = URI.create(exchange.baseUri + "/api/public/v1.0/orgs/" + orgId + "/apiKeys/" + created.stored().id());
        ApiKey key = new ApiKey()
                .id(created.stored().id())
                .desc(created.stored().desc())
                .publicKey(created.stored().publicKey())
                .privateKey(created.plainPrivateKey())
                .roles(roles)
                .links(List.of(new Link().href(self).rel("self")));
        return Response.ok(key, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
