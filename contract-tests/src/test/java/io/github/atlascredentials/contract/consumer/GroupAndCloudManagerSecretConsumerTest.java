package io.github.atlascredentials.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.contract.support.Contract;
import io.github.atlascredentials.contract.support.Contract.States;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code createGroupServiceAccountSecret} and {@code createCloudManagerServiceAccountSecret}. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class GroupAndCloudManagerSecretConsumerTest extends ConsumerSupport {
    private static final int ATLAS_HOURS =
            SPEC.example("AtlasSecretRequest").path("secretExpiresAfterHours").asInt();
    private static final int CM_HOURS = Integer.parseInt(SPEC.example("CloudManagerSecretRequest")
            .path("secretExpiresAfterHours")
            .asText());

    private static String cloudManagerPath() {
        return "/api/public/v1.0/orgs/" + ORG_ID + "/serviceAccounts/" + CLIENT_ID + "/secrets/";
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact groupSecret(PactDslWithProvider builder) {
        return atlasSecretRequest(
                        given(builder, States.TARGET_HAS_NO_SECRET),
                        "createGroupServiceAccountSecret: a first secret",
                        groupSecretsPath(),
                        exampleJson("AtlasSecretRequest"),
                        Contract.ATLAS_JSON)
                .willRespondWith()
                .status(201)
                .headers(Map.of("Content-Type", Contract.ATLAS_JSON))
                .body(BODIES.response("AtlasSecretCreated", "ServiceAccountSecret"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "groupSecret")
    void groupSecret(MockServer server) {
        ServiceAccountSecret secret;
        try (AtlasCredentialsClient client = client(server, false)) {
            secret = client.createGroupServiceAccountSecret(GROUP_ID, CLIENT_ID, ATLAS_HOURS);
        }
        assertThat(secret.getId())
                .isEqualTo(SPEC.example("AtlasSecretCreated").path("id").asText());
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact groupSecretAccountNotInProject(PactDslWithProvider builder) {
        return apiError(
                        atlasSecretRequest(
                                given(builder, States.TARGET_NOT_IN_PROJECT),
                                "createGroupServiceAccountSecret: for a service account not assigned to the project (404 RESOURCE_NOT_FOUND)",
                                groupSecretsPath(),
                                exampleJson("AtlasSecretRequest"),
                                Contract.ATLAS_JSON),
                        404,
                        "ResourceNotFound")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "groupSecretAccountNotInProject")
    void groupSecretAccountNotInProject(MockServer server) {
        try (AtlasCredentialsClient client = client(server, false)) {
            expectApiError(
                    () -> client.createGroupServiceAccountSecret(GROUP_ID, CLIENT_ID, ATLAS_HOURS),
                    404,
                    "RESOURCE_NOT_FOUND");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact groupSecretOtherOrganization(PactDslWithProvider builder) {
        return apiError(
                        atlasSecretRequest(
                                given(builder, States.CALLER_IN_OTHER_ORG),
                                "createGroupServiceAccountSecret: by a caller of another organization (401 USER_UNAUTHORIZED)",
                                groupSecretsPath(),
                                exampleJson("AtlasSecretRequest"),
                                Contract.ATLAS_JSON),
                        401,
                        "UserUnauthorized")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "groupSecretOtherOrganization")
    void groupSecretOtherOrganization(MockServer server) {
        try (AtlasCredentialsClient client = client(server, false)) {
            expectApiError(
                    () -> client.createGroupServiceAccountSecret(GROUP_ID, CLIENT_ID, ATLAS_HOURS),
                    401,
                    "USER_UNAUTHORIZED");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact cloudManagerSecret(PactDslWithProvider builder) {
        return cloudManagerRequest(
                        given(builder, States.TARGET_HAS_NO_SECRET),
                        "createCloudManagerServiceAccountSecret: a first secret, hours as a string",
                        cloudManagerPath(),
                        exampleJson("CloudManagerSecretRequest"))
                .willRespondWith()
                .status(201)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.response("CloudManagerSecretCreated", "ServiceAccountSecret"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "cloudManagerSecret")
    void cloudManagerSecret(MockServer server) {
        ServiceAccountSecret secret;
        try (AtlasCredentialsClient client = client(server, false)) {
            secret = client.createCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, CM_HOURS);
        }
        var example = SPEC.example("CloudManagerSecretCreated");
        assertThat(secret.getId()).isEqualTo(example.path("id").asText());
        assertThat(secret.getSecret()).isEqualTo(example.path("secret").asText());
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact cloudManagerSecretLimit(PactDslWithProvider builder) {
        return apiError(
                        cloudManagerRequest(
                                given(builder, States.TARGET_HAS_TWO_SECRETS),
                                "createCloudManagerServiceAccountSecret: a third secret (400 MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED)",
                                cloudManagerPath(),
                                exampleJson("CloudManagerSecretRequest")),
                        400,
                        "MaxSecretsExceeded")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "cloudManagerSecretLimit")
    void cloudManagerSecretLimit(MockServer server) {
        try (AtlasCredentialsClient client = client(server, false)) {
            expectApiError(
                    () -> client.createCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, CM_HOURS),
                    400,
                    "MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact cloudManagerEnvelopedError(PactDslWithProvider builder) {
        return cloudManagerRequest(
                        given(builder, States.TARGET_MISSING),
                        "createCloudManagerServiceAccountSecret: with envelope=true for an unknown service account (200 wrapping 404)",
                        cloudManagerPath(),
                        exampleJson("CloudManagerSecretRequest"))
                .query("envelope=true")
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.envelope("EnvelopedError", "ApiError"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "cloudManagerEnvelopedError")
    void cloudManagerEnvelopedError(MockServer server) {
        try (AtlasCredentialsClient client = client(server, true)) {
            expectApiError(
                    () -> client.createCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, CM_HOURS),
                    404,
                    "RESOURCE_NOT_FOUND");
        }
    }
}
