package io.github.atlascredentials.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.emulator.SpecFacts;
import io.github.atlascredentials.emulator.auth.TokenService;
import io.github.atlascredentials.emulator.generated.api.ServiceAccountsApi;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.generated.model.CloudManagerServiceAccountSecretRequest;
import io.github.atlascredentials.emulator.generated.model.OrgRoleName;
import io.github.atlascredentials.emulator.generated.model.PaginatedServiceAccounts;
import io.github.atlascredentials.emulator.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.emulator.generated.model.ServiceAccountSecretRequest;
import io.github.atlascredentials.emulator.generated.model.ServiceAccountUpdateRequest;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.state.EmulatorState;
import io.github.atlascredentials.emulator.state.SecretCreations;
import io.github.atlascredentials.emulator.state.ServiceAccount;
import io.github.atlascredentials.emulator.state.StoredSecret;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The service-account operations: reads, the account's update and its secrets. The request steps have authenticated, authorized and
 * validated the request against the spec; this applies the rules the spec cannot express: the
 * organization's own maximum validity, the secret limit and the expiry of older secrets; a deleted secret takes
 * its access tokens with it. Secrets read back are masked: the plain value exists only in a create answer.
 */
public final class ServiceAccountsResource implements ServiceAccountsApi {
    private final EmulatorState state;
    private final TokenService tokens;
    private final SecretCreations creations;

    public ServiceAccountsResource(EmulatorState state, TokenService tokens, SecretCreations creations) {
        this.state = state;
        this.tokens = tokens;
        this.creations = creations;
    }

    @Override
    public Response deleteOrgServiceAccountSecret(
            String orgId, String clientId, String secretId, Boolean pretty, Boolean envelope) {
        return deleted(clientId, secretId);
    }

    @Override
    public Response deleteGroupServiceAccountSecret(
            String groupId, String clientId, String secretId, Boolean pretty, Boolean envelope) {
        return deleted(clientId, secretId);
    }

    @Override
    public Response deleteCloudManagerServiceAccountSecret(
            String orgId, String clientId, String secretId, Boolean pretty) {
        return deleted(clientId, secretId);
    }

    @Override
    public Response getOrgServiceAccount(String orgId, String clientId, Boolean pretty, Boolean envelope) {
        ServiceAccount account = account(clientId);
        return Response.ok(accountView(account, account.roles()).organization()).build();
    }

    @Override
    public Response getCloudManagerServiceAccount(String orgId, String clientId, Boolean pretty) {
        ServiceAccount account = account(clientId);
        return Response.ok(accountView(account, account.roles()).organization()).build();
    }

    @Override
    public Response getGroupServiceAccount(String groupId, String clientId, Boolean pretty, Boolean envelope) {
        ServiceAccount account = account(clientId);
        return Response.ok(accountView(account, account.projectRoles().getOrDefault(groupId, Set.of()))
                        .group())
                .build();
    }

    @Override
    public Response listOrgServiceAccounts(
            String orgId,
            Integer itemsPerPage,
            Integer pageNum,
            Boolean pretty,
            Boolean envelope,
            Boolean includeSystemManaged) {
        // The emulator holds no system-managed accounts: includeSystemManaged changes nothing here.
        List<ServiceAccount> all = state.serviceAccountsOf(orgId);
        PaginatedServiceAccounts page = new PaginatedServiceAccounts()
                .links(Pages.links(ApiRequest.current(), all.size(), pageNum, itemsPerPage))
                .results(Pages.of(all, pageNum, itemsPerPage).stream()
                        .map(account -> accountView(account, account.roles()).organization())
                        .toList())
                .totalCount(all.size());
        return Response.ok(page).build();
    }

    /** What is not sent (null, an absent list included) stays; the account's secrets and tokens stay valid. */
    @Override
    public Response updateOrgServiceAccount(
            String orgId, String clientId, ServiceAccountUpdateRequest body, Boolean pretty, Boolean envelope) {
        Set<String> roles = body.getRoles() == null
                ? null
                : body.getRoles().stream().map(OrgRoleName::toString).collect(Collectors.toSet());
        ServiceAccount changed = state.updateServiceAccount(clientId, body.getName(), body.getDescription(), roles)
                .orElseThrow(() -> ApiProblem.of(ErrorCode.RESOURCE_NOT_FOUND, clientId));
        return Response.ok(accountView(changed, changed.roles()).organization()).build();
    }

    /** Deletes the secret (persisted first), then revokes the tokens it obtained; 204, or 404 for an unknown id. */
    private Response deleted(String clientId, String secretId) {
        state.deleteSecret(clientId, secretId).orElseThrow(() -> ApiProblem.of(ErrorCode.RESOURCE_NOT_FOUND, secretId));
        tokens.revokeIssuedWith(clientId, secretId);
        return Response.noContent().build();
    }

    private ServiceAccount account(String clientId) {
        // The access step has found the account in the organization or project of the path.
        return state.serviceAccount(clientId).orElseThrow(() -> ApiProblem.of(ErrorCode.RESOURCE_NOT_FOUND, clientId));
    }

    /** The account with {@code roles} and its secrets as read back: masked, never the secret; lastUsedAt null until first use. */
    private AccountView accountView(ServiceAccount account, Set<String> roles) {
        return new AccountView(
                account.clientId(),
                account.name(),
                account.description(),
                account.createdAt() == null ? null : account.createdAt().atOffset(ZoneOffset.UTC),
                List.copyOf(new TreeSet<>(roles)),
                secretsAsReadBack(account));
    }

    private List<ServiceAccountSecret> secretsAsReadBack(ServiceAccount account) {
        List<ServiceAccountSecret> secrets = new ArrayList<>();
        for (StoredSecret stored : state.secretsOf(account.clientId())) {
            secrets.add(new SecretAsReadBack()
                    .id(stored.id())
                    .createdAt(stored.createdAt().atOffset(ZoneOffset.UTC))
                    .expiresAt(stored.expiresAt().atOffset(ZoneOffset.UTC))
                    .lastUsedAt(
                            stored.lastUsedAt() == null
                                    ? null
                                    : stored.lastUsedAt().atOffset(ZoneOffset.UTC))
                    .maskedSecretValue(stored.maskedValue()));
        }
        return secrets;
    }

    @Override
    public Response createOrgServiceAccountSecret(
            String orgId, String clientId, ServiceAccountSecretRequest body, Boolean envelope, Boolean pretty) {
        return atlasAnswer(create(clientId, body.getSecretExpiresAfterHours()));
    }

    @Override
    public Response createGroupServiceAccountSecret(
            String groupId, String clientId, ServiceAccountSecretRequest body, Boolean envelope, Boolean pretty) {
        return atlasAnswer(create(clientId, body.getSecretExpiresAfterHours()));
    }

    @Override
    public Response createCloudManagerServiceAccountSecret(
            String orgId,
            String clientId,
            CloudManagerServiceAccountSecretRequest body,
            Integer pageNum,
            Integer itemsPerPage,
            Boolean pretty,
            Boolean envelope) {
        JsonNode hours = body.getSecretExpiresAfterHours(); // an integer or a string of digits, both validated
        int value = hours.isTextual() ? Integer.parseInt(hours.textValue()) : hours.intValue();
        EmulatorState.CreatedSecret created = createWithinLimit(clientId, value);
        // Cloud Manager's documented answer has exactly these four fields.
        ServiceAccountSecret secret = new ServiceAccountSecret()
                .id(created.stored().id())
                .secret(created.plainSecret())
                .createdAt(created.stored().createdAt().atOffset(ZoneOffset.UTC))
                .expiresAt(created.stored().expiresAt().atOffset(ZoneOffset.UTC));
        return Response.status(201).entity(secret).build();
    }

    /**
     * Atlas: the spec's bounds are checked; the account's organization may allow less than the spec's maximum.
     * (The access step has found the account in the organization or project of the path.)
     */
    private EmulatorState.CreatedSecret create(String clientId, int hours) {
        int orgMax =
                state.organization(account(clientId).orgId()).orElseThrow().maxServiceAccountSecretValidityInHours();
        if (hours > orgMax) {
            throw ApiProblem.validation(List.of(Map.entry(
                    "secretExpiresAfterHours", "must be between " + SpecFacts.MIN_SECRET_HOURS + " and " + orgMax)));
        }
        return createWithinLimit(clientId, hours);
    }

    private EmulatorState.CreatedSecret createWithinLimit(String clientId, int hours) {
        try {
            return creations.run(clientId, () -> state.createSecret(clientId, hours));
        } catch (SecretCreations.Conflict e) {
            throw ApiProblem.of(ErrorCode.DATA_CONCURRENCY_ERROR, clientId);
        } catch (EmulatorState.SecretLimitReached e) {
            int max = state.maxSecretsPerAccount();
            throw ApiProblem.of(ErrorCode.MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED, clientId, max);
        }
    }

    /** The secret as read back plus its plain value; serialized once, by the response finisher, in the negotiated type. */
    private static Response atlasAnswer(EmulatorState.CreatedSecret created) {
        ServiceAccountSecret secret = new SecretAsReadBack()
                .id(created.stored().id())
                .createdAt(created.stored().createdAt().atOffset(ZoneOffset.UTC))
                .expiresAt(created.stored().expiresAt().atOffset(ZoneOffset.UTC))
                .maskedSecretValue(created.stored().maskedValue())
                .secret(created.plainSecret());
        return Response.status(201).entity(secret).build();
    }
}
