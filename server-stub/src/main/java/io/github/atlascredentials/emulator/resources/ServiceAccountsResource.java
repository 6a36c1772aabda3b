package io.github.atlascredentials.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.atlascredentials.emulator.generated.api.ServiceAccountsApi;
import io.github.atlascredentials.emulator.generated.model.CloudManagerServiceAccountSecretRequest;
import io.github.atlascredentials.emulator.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.emulator.generated.model.ServiceAccountSecretRequest;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.Exchange;
import io.github.atlascredentials.emulator.http.Json;
import io.github.atlascredentials.emulator.state.EmulatorState;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.ZoneOffset;

/**
 * The three create-secret operations. The request gate has authenticated, authorized and validated
 * the request; this applies the limit and the expiry rule.
 */
public final class ServiceAccountsResource implements ServiceAccountsApi {
    private final EmulatorState state;

    public ServiceAccountsResource(EmulatorState state) {
        this.state = state;
    }

    @Override
    public Response createOrgServiceAccountSecret(String orgId, String clientId, ServiceAccountSecretRequest body,
                                                  Boolean envelope, Boolean pretty) {
        return atlasAnswer(create(clientId));
    }

    @Override
    public Response createGroupServiceAccountSecret(String groupId, String clientId, ServiceAccountSecretRequest body,
                                                    Boolean envelope, Boolean pretty) {
        return atlasAnswer(create(clientId));
    }

    @Override
    public Response createCloudManagerServiceAccountSecret(String orgId, String clientId,
                                                           CloudManagerServiceAccountSecretRequest body, Integer pageNum,
                                                           Integer itemsPerPage, Boolean pretty, Boolean envelope) {
        EmulatorState.CreatedSecret created = create(clientId);
        // Cloud Manager's documented answer has exactly these four fields.
        ServiceAccountSecret secret = new ServiceAccountSecret()
                .id(created.stored().id())
                .secret(created.plainSecret())
                .createdAt(created.stored().createdAt().atOffset(ZoneOffset.UTC))
                .expiresAt(created.stored().expiresAt().atOffset(ZoneOffset.UTC));
        return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).entity(secret).build();
    }

    private EmulatorState.CreatedSecret create(String clientId) {
        Exchange exchange = Exchange.current();
        try {
            return state.createSecret(clientId, exchange.secretExpiresAfterHours);
        } catch (EmulatorState.SecretLimitReached e) {
            int max = state.maxSecretsPerAccount();
            throw ApiProblem.api(400, "MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED", "Service account " + clientId
                    + " already has the maximum of " + max + " secrets.", clientId, max);
        }
    }

    private Response atlasAnswer(EmulatorState.CreatedSecret created) {
        ServiceAccountSecret secret = new ServiceAccountSecret()
                .id(created.stored().id())
                .createdAt(created.stored().createdAt().atOffset(ZoneOffset.UTC))
                .expiresAt(created.stored().expiresAt().atOffset(ZoneOffset.UTC))
                .maskedSecretValue(created.stored().maskedValue())
                .secret(created.plainSecret());
        ObjectNode body = Json.MAPPER.valueToTree(secret);
        body.putNull("lastUsedAt");
        return Response.status(201).type(Exchange.current().responseMediaType).entity(body).build();
    }
}
