package io.github.atlascredentials.emulator.resources;

import io.github.atlascredentials.emulator.generated.api.ProgrammaticApiKeysApi;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.generated.model.ApiKey;
import io.github.atlascredentials.emulator.generated.model.ApiKeyRequest;
import io.github.atlascredentials.emulator.generated.model.ApiKeyRole;
import io.github.atlascredentials.emulator.generated.model.ApiKeyUpdateRequest;
import io.github.atlascredentials.emulator.generated.model.Link;
import io.github.atlascredentials.emulator.generated.model.OrgRoleName;
import io.github.atlascredentials.emulator.generated.model.PaginatedApiKeys;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.state.EmulatorState;
import io.github.atlascredentials.emulator.state.StoredApiKey;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Programmatic API keys of an organization, in Atlas (in their own media-type version, from the spec) and Cloud Manager: create (answers 200, as
 * the real service does), list, read, update and delete. A key read back shows its public key and its masked private key;
 * the plain private key exists only in a create answer. A deleted key fails Digest at once (the authenticator
 * reads the keys on every request).
 */
public final class ProgrammaticApiKeysResource implements ProgrammaticApiKeysApi {
    private static final String CLOUD_MANAGER = "/api/public/v1.0/orgs/";
    private static final String ATLAS = "/api/atlas/v2/orgs/";

    private final EmulatorState state;

    public ProgrammaticApiKeysResource(EmulatorState state) {
        this.state = state;
    }

    @Override
    public Response createOrgApiKey(
            String orgId, ApiKeyRequest body, Integer pageNum, Integer itemsPerPage, Boolean pretty, Boolean envelope) {
        ApiRequest request = ApiRequest.current();
        EmulatorState.CreatedApiKey created = create(orgId, body);
        return Response.ok(view(request, CLOUD_MANAGER, created.stored(), created.plainPrivateKey()))
                .build();
    }

    @Override
    public Response createAtlasOrgApiKey(String orgId, ApiKeyRequest body, Boolean pretty) {
        ApiRequest request = ApiRequest.current();
        EmulatorState.CreatedApiKey created = create(orgId, body);
        return Response.ok(view(request, ATLAS, created.stored(), created.plainPrivateKey()))
                .build();
    }

    @Override
    public Response listOrgApiKeys(
            String orgId,
            Integer itemsPerPage,
            Integer pageNum,
            Boolean pretty,
            Boolean envelope,
            Boolean includeCount) {
        ApiRequest request = ApiRequest.current();
        return Response.ok(page(request, ATLAS, orgId, pageNum, itemsPerPage, includeCount))
                .build();
    }

    @Override
    public Response listCloudManagerOrgApiKeys(String orgId, Integer pageNum, Integer itemsPerPage, Boolean pretty) {
        ApiRequest request = ApiRequest.current();
        return Response.ok(page(request, CLOUD_MANAGER, orgId, pageNum, itemsPerPage, null))
                .build();
    }

    @Override
    public Response getOrgApiKey(String orgId, String apiUserId, Boolean pretty, Boolean envelope) {
        ApiRequest request = ApiRequest.current();
        StoredApiKey key = state.apiKey(orgId, apiUserId).orElseThrow(() -> notFound(apiUserId));
        return Response.ok(view(request, ATLAS, key, key.maskedPrivateKey())).build();
    }

    @Override
    public Response getCloudManagerOrgApiKey(String orgId, String apiUserId, Boolean pretty) {
        ApiRequest request = ApiRequest.current();
        StoredApiKey key = state.apiKey(orgId, apiUserId).orElseThrow(() -> notFound(apiUserId));
        return Response.ok(view(request, CLOUD_MANAGER, key, key.maskedPrivateKey()))
                .build();
    }

    @Override
    public Response deleteOrgApiKey(String orgId, String apiUserId, Boolean pretty, Boolean envelope) {
        state.deleteApiKey(orgId, apiUserId).orElseThrow(() -> notFound(apiUserId));
        return Response.noContent().build();
    }

    @Override
    public Response deleteCloudManagerOrgApiKey(String orgId, String apiUserId, Boolean pretty) {
        state.deleteApiKey(orgId, apiUserId).orElseThrow(() -> notFound(apiUserId));
        return Response.noContent().build();
    }

    @Override
    public Response updateOrgApiKey(
            String orgId, String apiUserId, ApiKeyUpdateRequest body, Boolean pretty, Boolean envelope) {
        ApiRequest request = ApiRequest.current();
        StoredApiKey key = update(orgId, apiUserId, body);
        return Response.ok(view(request, ATLAS, key, key.maskedPrivateKey())).build();
    }

    @Override
    public Response updateCloudManagerOrgApiKey(
            String orgId, String apiUserId, ApiKeyUpdateRequest body, Boolean pretty) {
        ApiRequest request = ApiRequest.current();
        StoredApiKey key = update(orgId, apiUserId, body);
        return Response.ok(view(request, CLOUD_MANAGER, key, key.maskedPrivateKey()))
                .build();
    }

    /** An absent field (null, not an empty list: containerDefaultToNull) keeps what the key has. */
    private StoredApiKey update(String orgId, String apiUserId, ApiKeyUpdateRequest body) {
        List<String> roles = body.getRoles() == null ? null : distinctNames(body.getRoles());
        return state.updateApiKey(orgId, apiUserId, body.getDesc(), roles).orElseThrow(() -> notFound(apiUserId));
    }

    private static List<String> distinctNames(List<OrgRoleName> roles) {
        return List.copyOf(
                new LinkedHashSet<>(roles.stream().map(OrgRoleName::toString).toList()));
    }

    private EmulatorState.CreatedApiKey create(String orgId, ApiKeyRequest body) {
        return state.createApiKey(orgId, body.getDesc(), distinctNames(body.getRoles()));
    }

    private PaginatedApiKeys page(
            ApiRequest request,
            String base,
            String orgId,
            Integer pageNum,
            Integer itemsPerPage,
            Boolean includeCount) {
        List<StoredApiKey> all = state.apiKeysOf(orgId);
        return new PaginatedApiKeys()
                .links(Pages.links(request, all.size(), pageNum, itemsPerPage))
                .results(Pages.of(all, pageNum, itemsPerPage).stream()
                        .map(key -> view(request, base, key, key.maskedPrivateKey()))
                        .toList())
                .totalCount(Pages.totalCount(all, includeCount));
    }

    /**
     * The key with the given private key: plain in a create answer, masked in every read. Its roles are its
     * organization roles ({@code orgId}) then its project roles ({@code groupId}), as stored.
     */
    private static ApiKey view(ApiRequest request, String base, StoredApiKey key, String privateKey) {
        List<ApiKeyRole> keyRoles = new ArrayList<>();
        key.roles()
                .forEach(
                        role -> keyRoles.add(new ApiKeyRole().orgId(key.orgId()).roleName(role)));
        new TreeMap<>(key.projectRoles())
                .forEach((groupId, roles) -> new TreeSet<>(roles)
                        .forEach(role ->
                                keyRoles.add(new ApiKeyRole().groupId(groupId).roleName(role))));
        URI self = URI.create(request.baseUri() + base + key.orgId() + "/apiKeys/" + key.id());
        return new ApiKey()
                .id(key.id())
                .desc(key.desc())
                .publicKey(key.publicKey())
                .privateKey(privateKey)
                .roles(keyRoles)
                .links(List.of(new Link().href(self).rel("self")));
    }

    private static ApiProblem notFound(String apiUserId) {
        return ApiProblem.of(ErrorCode.RESOURCE_NOT_FOUND, apiUserId);
    }
}
