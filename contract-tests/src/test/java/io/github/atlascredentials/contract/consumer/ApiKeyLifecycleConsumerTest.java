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
import io.github.atlascredentials.client.PageRequest;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.generated.model.PaginatedApiKeys;
import io.github.atlascredentials.contract.support.Contract;
import io.github.atlascredentials.contract.support.Contract.States;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Programmatic API keys in Atlas v2 (version 2023-01-01) and Cloud Manager: create, list, read (private key
 * masked) and delete, with their errors.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class ApiKeyLifecycleConsumerTest extends ConsumerSupport {
    private static final String ATLAS_KEYS = "/api/atlas/v2/orgs/" + ORG_ID + "/apiKeys";
    private static final String CM_KEYS = "/api/public/v1.0/orgs/" + ORG_ID + "/apiKeys";
    private static final String MASKED = "^\\*{8}-\\*{4}-\\*{4}-[0-9a-f]{12}$";

    private static AtlasCredentialsClient client(MockServer server) {
        return client(server, false);
    }

    private static List<OrgRoleName> exampleRoles() {
        List<OrgRoleName> roles = new ArrayList<>();
        SPEC.example("ApiKeyRequest").path("roles").forEach(r -> roles.add(OrgRoleName.fromValue(r.asText())));
        return roles;
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact createAtlasKey(PactDslWithProvider builder) {
        return given(builder, States.ORG_HAS_NO_API_KEY)
                .uponReceiving(InteractionNames.describe("createAtlasOrgApiKey: a key (200)"))
                .method("POST")
                .path(ATLAS_KEYS)
                .matchHeader("Authorization", Contract.BEARER_REGEX, "Bearer " + Contract.FAKE_ACCESS_TOKEN)
                .matchHeader(
                        "Content-Type", "^application/vnd\\.atlas\\.2023-01-01\\+json(;.*)?$", Contract.ATLAS_KEYS_JSON)
                .headers("Accept", Contract.ATLAS_KEYS_JSON)
                .body(exampleJson("ApiKeyRequest"), Contract.ATLAS_KEYS_JSON)
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.ATLAS_KEYS_JSON))
                .body(BODIES.response("AtlasApiKeyCreated", "ApiKey"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createAtlasKey")
    void createAtlasKey(MockServer server) {
        ApiKey key;
        try (AtlasCredentialsClient client = client(server)) {
            key = client.createAtlasOrgApiKey(
                    ORG_ID, SPEC.example("ApiKeyRequest").path("desc").asText(), exampleRoles());
        }
        assertThat(key.getPublicKey()).matches("^[a-z]{8}$");
        assertThat(key.toString()).doesNotContain(key.getPrivateKey());
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact listAtlasKeys(PactDslWithProvider builder) {
        return bodyless(
                        givenTheExampleApiKey(builder),
                        "listOrgApiKeys: one key, masked",
                        "GET",
                        ATLAS_KEYS,
                        Contract.ATLAS_KEYS_JSON)
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.ATLAS_KEYS_JSON))
                .body(BODIES.response("AtlasApiKeyPage", "PaginatedApiKeys"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listAtlasKeys")
    void listAtlasKeys(MockServer server) {
        PaginatedApiKeys page;
        try (AtlasCredentialsClient client = client(server)) {
            page = client.listOrgApiKeys(ORG_ID, PageRequest.defaults());
        }
        assertThat(page.getResults())
                .singleElement()
                .satisfies(k -> assertThat(k.getPrivateKey()).matches(MASKED));
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact getAtlasKey(PactDslWithProvider builder) {
        return bodyless(
                        givenTheExampleApiKey(builder),
                        "getOrgApiKey: a key, masked",
                        "GET",
                        ATLAS_KEYS + "/" + API_KEY_ID,
                        Contract.ATLAS_KEYS_JSON)
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.ATLAS_KEYS_JSON))
                .body(BODIES.response("AtlasApiKey", "ApiKey"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getAtlasKey")
    void getAtlasKey(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            ApiKey key = client.getOrgApiKey(ORG_ID, API_KEY_ID);
            assertThat(key.getId()).isEqualTo(API_KEY_ID);
            assertThat(key.getPrivateKey()).matches(MASKED);
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact getUnknownAtlasKey(PactDslWithProvider builder) {
        return apiError(
                        bodyless(
                                given(builder, States.ORG_HAS_NO_API_KEY),
                                "getOrgApiKey: an unknown key (404 RESOURCE_NOT_FOUND)",
                                "GET",
                                ATLAS_KEYS + "/" + API_KEY_ID,
                                Contract.ATLAS_KEYS_JSON),
                        404,
                        "ApiKeyNotFound")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getUnknownAtlasKey")
    void getUnknownAtlasKey(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(() -> client.getOrgApiKey(ORG_ID, API_KEY_ID), 404, "RESOURCE_NOT_FOUND");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact deleteAtlasKey(PactDslWithProvider builder) {
        return bodyless(
                        givenTheExampleApiKey(builder),
                        "deleteOrgApiKey: a key",
                        "DELETE",
                        ATLAS_KEYS + "/" + API_KEY_ID,
                        Contract.ATLAS_KEYS_JSON)
                .willRespondWith()
                .status(204)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteAtlasKey")
    void deleteAtlasKey(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            client.deleteOrgApiKey(ORG_ID, API_KEY_ID);
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact deleteAtlasKeyAsMember(PactDslWithProvider builder) {
        return apiError(
                        bodyless(
                                given(builder, States.CALLER_ORG_MEMBER),
                                "deleteOrgApiKey: by an Organization Member (401 USER_UNAUTHORIZED)",
                                "DELETE",
                                ATLAS_KEYS + "/" + API_KEY_ID,
                                Contract.ATLAS_KEYS_JSON),
                        401,
                        "UserUnauthorized")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteAtlasKeyAsMember")
    void deleteAtlasKeyAsMember(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(() -> client.deleteOrgApiKey(ORG_ID, API_KEY_ID), 401, "USER_UNAUTHORIZED");
        }
    }

    private static List<OrgRoleName> rolesOf(String example) {
        List<OrgRoleName> roles = new ArrayList<>();
        SPEC.example(example).path("roles").forEach(r -> roles.add(OrgRoleName.fromValue(r.asText())));
        return roles;
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact updateAtlasKey(PactDslWithProvider builder) {
        return givenTheExampleApiKey(builder)
                .uponReceiving(InteractionNames.describe("updateOrgApiKey: new description and roles (200, masked)"))
                .method("PATCH")
                .path(ATLAS_KEYS + "/" + API_KEY_ID)
                .matchHeader("Authorization", Contract.BEARER_REGEX, "Bearer " + Contract.FAKE_ACCESS_TOKEN)
                .matchHeader(
                        "Content-Type", "^application/vnd\\.atlas\\.2023-01-01\\+json(;.*)?$", Contract.ATLAS_KEYS_JSON)
                .headers("Accept", Contract.ATLAS_KEYS_JSON)
                .body(exampleJson("ApiKeyUpdateRequest"), Contract.ATLAS_KEYS_JSON)
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.ATLAS_KEYS_JSON))
                .body(BODIES.response("AtlasApiKeyUpdated", "ApiKey"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateAtlasKey")
    void updateAtlasKey(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            ApiKey key = client.updateOrgApiKey(
                    ORG_ID,
                    API_KEY_ID,
                    SPEC.example("ApiKeyUpdateRequest").path("desc").asText(),
                    rolesOf("ApiKeyUpdateRequest"));
            assertThat(key.getId()).isEqualTo(API_KEY_ID);
            assertThat(key.getDesc())
                    .isEqualTo(SPEC.example("ApiKeyUpdateRequest").path("desc").asText());
            assertThat(key.getPrivateKey()).matches(MASKED);
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact updateUnknownAtlasKey(PactDslWithProvider builder) {
        return apiError(
                        given(builder, States.ORG_HAS_NO_API_KEY)
                                .uponReceiving(InteractionNames.describe(
                                        "updateOrgApiKey: an unknown key (404 RESOURCE_NOT_FOUND)"))
                                .method("PATCH")
                                .path(ATLAS_KEYS + "/" + API_KEY_ID)
                                .matchHeader(
                                        "Authorization", Contract.BEARER_REGEX, "Bearer " + Contract.FAKE_ACCESS_TOKEN)
                                .matchHeader(
                                        "Content-Type",
                                        "^application/vnd\\.atlas\\.2023-01-01\\+json(;.*)?$",
                                        Contract.ATLAS_KEYS_JSON)
                                .headers("Accept", Contract.ATLAS_KEYS_JSON)
                                .body("{\"desc\":\"renamed\"}", Contract.ATLAS_KEYS_JSON),
                        404,
                        "ApiKeyNotFound")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateUnknownAtlasKey")
    void updateUnknownAtlasKey(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(
                    () -> client.updateOrgApiKey(ORG_ID, API_KEY_ID, "renamed", null), 404, "RESOURCE_NOT_FOUND");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact listCloudManagerKeys(PactDslWithProvider builder) {
        return bodyless(
                        givenTheExampleApiKey(builder),
                        "listCloudManagerOrgApiKeys: one key, masked",
                        "GET",
                        CM_KEYS,
                        Contract.JSON)
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.response("ApiKeyPage", "PaginatedApiKeys"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listCloudManagerKeys")
    void listCloudManagerKeys(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            assertThat(client.listCloudManagerOrgApiKeys(ORG_ID, PageRequest.defaults())
                            .getResults())
                    .hasSize(1);
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact listCloudManagerKeysOtherOrganization(PactDslWithProvider builder) {
        return apiError(
                        bodyless(
                                given(builder, States.CALLER_IN_OTHER_ORG),
                                "listCloudManagerOrgApiKeys: by a caller of another organization (401 USER_UNAUTHORIZED)",
                                "GET",
                                CM_KEYS,
                                Contract.JSON),
                        401,
                        "UserUnauthorized")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listCloudManagerKeysOtherOrganization")
    void listCloudManagerKeysOtherOrganization(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(
                    () -> client.listCloudManagerOrgApiKeys(ORG_ID, PageRequest.defaults()), 401, "USER_UNAUTHORIZED");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact getCloudManagerKey(PactDslWithProvider builder) {
        return bodyless(
                        givenTheExampleApiKey(builder),
                        "getCloudManagerOrgApiKey: a key, masked",
                        "GET",
                        CM_KEYS + "/" + API_KEY_ID,
                        Contract.JSON)
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.response("ApiKeyRead", "ApiKey"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getCloudManagerKey")
    void getCloudManagerKey(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            assertThat(client.getCloudManagerOrgApiKey(ORG_ID, API_KEY_ID).getPrivateKey())
                    .matches(MASKED);
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact updateCloudManagerKey(PactDslWithProvider builder) {
        return cloudManagerRequest(
                        givenTheExampleApiKey(builder),
                        "updateCloudManagerOrgApiKey: new description and roles (200, masked)",
                        CM_KEYS + "/" + API_KEY_ID,
                        exampleJson("ApiKeyUpdateRequest"))
                .method("PATCH")
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.response("ApiKeyUpdated", "ApiKey"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateCloudManagerKey")
    void updateCloudManagerKey(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            ApiKey key = client.updateCloudManagerOrgApiKey(
                    ORG_ID,
                    API_KEY_ID,
                    SPEC.example("ApiKeyUpdateRequest").path("desc").asText(),
                    rolesOf("ApiKeyUpdateRequest"));
            assertThat(key.getDesc())
                    .isEqualTo(SPEC.example("ApiKeyUpdateRequest").path("desc").asText());
            assertThat(key.getPrivateKey()).matches(MASKED);
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact updateUnknownCloudManagerKey(PactDslWithProvider builder) {
        return apiError(
                        cloudManagerRequest(
                                        given(builder, States.ORG_HAS_NO_API_KEY),
                                        "updateCloudManagerOrgApiKey: an unknown key (404 RESOURCE_NOT_FOUND)",
                                        CM_KEYS + "/" + API_KEY_ID,
                                        "{\"roles\":[\"ORG_MEMBER\"]}")
                                .method("PATCH"),
                        404,
                        "ApiKeyNotFound")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateUnknownCloudManagerKey")
    void updateUnknownCloudManagerKey(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(
                    () -> client.updateCloudManagerOrgApiKey(ORG_ID, API_KEY_ID, null, List.of(OrgRoleName.ORG_MEMBER)),
                    404,
                    "RESOURCE_NOT_FOUND");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact deleteCloudManagerKey(PactDslWithProvider builder) {
        return bodyless(
                        givenTheExampleApiKey(builder),
                        "deleteCloudManagerOrgApiKey: a key",
                        "DELETE",
                        CM_KEYS + "/" + API_KEY_ID,
                        Contract.JSON)
                .willRespondWith()
                .status(204)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteCloudManagerKey")
    void deleteCloudManagerKey(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            client.deleteCloudManagerOrgApiKey(ORG_ID, API_KEY_ID);
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact deleteUnknownCloudManagerKey(PactDslWithProvider builder) {
        return apiError(
                        bodyless(
                                given(builder, States.ORG_HAS_NO_API_KEY),
                                "deleteCloudManagerOrgApiKey: an unknown key (404 RESOURCE_NOT_FOUND)",
                                "DELETE",
                                CM_KEYS + "/" + API_KEY_ID,
                                Contract.JSON),
                        404,
                        "ApiKeyNotFound")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteUnknownCloudManagerKey")
    void deleteUnknownCloudManagerKey(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(() -> client.deleteCloudManagerOrgApiKey(ORG_ID, API_KEY_ID), 404, "RESOURCE_NOT_FOUND");
        }
    }
}
