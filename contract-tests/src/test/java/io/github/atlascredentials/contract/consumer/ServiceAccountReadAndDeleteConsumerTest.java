package io.github.atlascredentials.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.PageRequest;
import io.github.atlascredentials.client.generated.model.GroupServiceAccount;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.generated.model.PaginatedServiceAccounts;
import io.github.atlascredentials.client.generated.model.ServiceAccount;
import io.github.atlascredentials.contract.support.Contract;
import io.github.atlascredentials.contract.support.Contract.States;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reading and updating service accounts (their secrets masked) and deleting secrets, Atlas v2 and Cloud Manager: the client's
 * view of every answer it must handle.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class ServiceAccountReadAndDeleteConsumerTest extends ConsumerSupport {
    private static final String ORG_ACCOUNT = "/api/atlas/v2/orgs/" + ORG_ID + "/serviceAccounts/" + CLIENT_ID;
    private static final String GROUP_ACCOUNT = "/api/atlas/v2/groups/" + GROUP_ID + "/serviceAccounts/" + CLIENT_ID;
    private static final String CM_ACCOUNT = "/api/public/v1.0/orgs/" + ORG_ID + "/serviceAccounts/" + CLIENT_ID;

    private static AtlasCredentialsClient client(MockServer server) {
        return client(server, false);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact getOrgAccount(PactDslWithProvider builder) {
        return bodyless(
                        given(builder, States.TARGET_HAS_TWO_SECRETS),
                        "getOrgServiceAccount: two secrets, masked",
                        "GET",
                        ORG_ACCOUNT,
                        Contract.ATLAS_JSON)
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.ATLAS_JSON))
                .body(BODIES.response("ServiceAccount", "ServiceAccount"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getOrgAccount")
    void getOrgAccount(MockServer server) {
        ServiceAccount account;
        try (AtlasCredentialsClient client = client(server)) {
            account = client.getOrgServiceAccount(ORG_ID, CLIENT_ID);
        }
        assertThat(account.getClientId()).isEqualTo(CLIENT_ID);
        assertThat(account.getSecrets()).hasSize(2).allSatisfy(secret -> {
            assertThat(secret.getSecret()).isNull();
            assertThat(secret.getMaskedSecretValue()).startsWith("mdb_sa_sk_");
            assertThat(secret.getExpiresAt()).isNotNull();
        });
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact getOrgAccountAsMember(PactDslWithProvider builder) {
        return apiError(
                        bodyless(
                                given(builder, States.CALLER_ORG_MEMBER),
                                "getOrgServiceAccount: by an Organization Member (401 USER_UNAUTHORIZED)",
                                "GET",
                                ORG_ACCOUNT,
                                Contract.ATLAS_JSON),
                        401,
                        "UserUnauthorized")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getOrgAccountAsMember")
    void getOrgAccountAsMember(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(() -> client.getOrgServiceAccount(ORG_ID, CLIENT_ID), 401, "USER_UNAUTHORIZED");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact getUnknownAccount(PactDslWithProvider builder) {
        return apiError(
                        bodyless(
                                given(builder, States.TARGET_MISSING),
                                "getOrgServiceAccount: an unknown service account (404 RESOURCE_NOT_FOUND)",
                                "GET",
                                ORG_ACCOUNT,
                                Contract.ATLAS_JSON),
                        404,
                        "ResourceNotFound")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getUnknownAccount")
    void getUnknownAccount(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(() -> client.getOrgServiceAccount(ORG_ID, CLIENT_ID), 404, "RESOURCE_NOT_FOUND");
        }
    }

    private static PactDslRequestWithPath update(PactDslWithState state, String description, String body) {
        return state.uponReceiving(InteractionNames.describe(description))
                .method("PATCH")
                .path(ORG_ACCOUNT)
                .matchHeader("Authorization", Contract.BEARER_REGEX, "Bearer " + Contract.FAKE_ACCESS_TOKEN)
                .matchHeader("Content-Type", "^application/vnd\\.atlas\\.2024-08-05\\+json(;.*)?$", Contract.ATLAS_JSON)
                .headers("Accept", Contract.ATLAS_JSON)
                .body(body, Contract.ATLAS_JSON);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact updateOrgAccount(PactDslWithProvider builder) {
        return update(
                        given(builder, States.TARGET_HAS_TWO_SECRETS),
                        "updateOrgServiceAccount: name, description and roles (200, secrets kept, masked)",
                        exampleJson("ServiceAccountUpdateRequest"))
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.ATLAS_JSON))
                .body(BODIES.response("ServiceAccount", "ServiceAccount"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateOrgAccount")
    void updateOrgAccount(MockServer server) {
        JsonNode change = SPEC.example("ServiceAccountUpdateRequest");
        List<OrgRoleName> roles = new ArrayList<>();
        change.path("roles").forEach(r -> roles.add(OrgRoleName.fromValue(r.asText())));
        ServiceAccount account;
        try (AtlasCredentialsClient client = client(server)) {
            account = client.updateOrgServiceAccount(
                    ORG_ID,
                    CLIENT_ID,
                    change.path("name").asText(),
                    change.path("description").asText(),
                    roles);
        }
        assertThat(account.getClientId()).isEqualTo(CLIENT_ID);
        assertThat(account.getSecrets())
                .hasSize(2)
                .allSatisfy(secret -> assertThat(secret.getSecret()).isNull());
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact updateUnknownAccount(PactDslWithProvider builder) {
        return apiError(
                        update(
                                given(builder, States.TARGET_MISSING),
                                "updateOrgServiceAccount: an unknown service account (404 RESOURCE_NOT_FOUND)",
                                "{\"name\":\"renamed\"}"),
                        404,
                        "ResourceNotFound")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateUnknownAccount")
    void updateUnknownAccount(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(
                    () -> client.updateOrgServiceAccount(ORG_ID, CLIENT_ID, "renamed", null, null),
                    404,
                    "RESOURCE_NOT_FOUND");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact getGroupAccount(PactDslWithProvider builder) {
        return bodyless(
                        given(builder, States.TARGET_HAS_ONE_SECRET),
                        "getGroupServiceAccount: one secret, masked",
                        "GET",
                        GROUP_ACCOUNT,
                        Contract.ATLAS_JSON)
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.ATLAS_JSON))
                .body(BODIES.response("GroupServiceAccount", "GroupServiceAccount"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getGroupAccount")
    void getGroupAccount(MockServer server) {
        GroupServiceAccount account;
        try (AtlasCredentialsClient client = client(server)) {
            account = client.getGroupServiceAccount(GROUP_ID, CLIENT_ID);
        }
        assertThat(account.getRoles()).containsExactly("GROUP_OWNER");
        assertThat(account.getSecrets())
                .singleElement()
                .satisfies(s -> assertThat(s.getSecret()).isNull());
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact getGroupAccountNotInProject(PactDslWithProvider builder) {
        return apiError(
                        bodyless(
                                given(builder, States.TARGET_NOT_IN_PROJECT),
                                "getGroupServiceAccount: not assigned to the project (404 RESOURCE_NOT_FOUND)",
                                "GET",
                                GROUP_ACCOUNT,
                                Contract.ATLAS_JSON),
                        404,
                        "ResourceNotFound")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getGroupAccountNotInProject")
    void getGroupAccountNotInProject(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(() -> client.getGroupServiceAccount(GROUP_ID, CLIENT_ID), 404, "RESOURCE_NOT_FOUND");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact getCloudManagerAccount(PactDslWithProvider builder) {
        return bodyless(
                        given(builder, States.TARGET_HAS_TWO_SECRETS),
                        "getCloudManagerServiceAccount: two secrets, masked",
                        "GET",
                        CM_ACCOUNT,
                        Contract.JSON)
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.response("ServiceAccount", "ServiceAccount"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getCloudManagerAccount")
    void getCloudManagerAccount(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            assertThat(client.getCloudManagerServiceAccount(ORG_ID, CLIENT_ID).getSecrets())
                    .hasSize(2);
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact listAccounts(PactDslWithProvider builder) {
        return bodyless(
                        given(builder, States.TARGET_HAS_NO_SECRET),
                        "listOrgServiceAccounts: the first page of one account",
                        "GET",
                        "/api/atlas/v2/orgs/" + ORG_ID + "/serviceAccounts",
                        Contract.ATLAS_JSON)
                .query("itemsPerPage=1")
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.ATLAS_JSON))
                .body(BODIES.response("ServiceAccountPage", "PaginatedServiceAccounts"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listAccounts")
    void listAccounts(MockServer server) {
        PaginatedServiceAccounts page;
        try (AtlasCredentialsClient client = client(server)) {
            page = client.listOrgServiceAccounts(ORG_ID, PageRequest.first(1));
        }
        assertThat(page.getResults()).hasSize(1);
        assertThat(page.getTotalCount()).isPositive();
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact deleteOrgSecret(PactDslWithProvider builder) {
        return bodyless(
                        given(builder, States.TARGET_HAS_EXAMPLE_SECRET),
                        "deleteOrgServiceAccountSecret: a secret",
                        "DELETE",
                        ORG_ACCOUNT + "/secrets/" + SECRET_ID,
                        Contract.ATLAS_JSON)
                .willRespondWith()
                .status(204)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteOrgSecret")
    void deleteOrgSecret(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            client.deleteOrgServiceAccountSecret(ORG_ID, CLIENT_ID, SECRET_ID);
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact deleteUnknownSecret(PactDslWithProvider builder) {
        return apiError(
                        bodyless(
                                given(builder, States.TARGET_HAS_ONE_SECRET),
                                "deleteOrgServiceAccountSecret: an unknown secret id (404 RESOURCE_NOT_FOUND)",
                                "DELETE",
                                ORG_ACCOUNT + "/secrets/" + SECRET_ID,
                                Contract.ATLAS_JSON),
                        404,
                        "SecretNotFound")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteUnknownSecret")
    void deleteUnknownSecret(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(
                    () -> client.deleteOrgServiceAccountSecret(ORG_ID, CLIENT_ID, SECRET_ID),
                    404,
                    "RESOURCE_NOT_FOUND");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact deleteSecretAsMember(PactDslWithProvider builder) {
        return apiError(
                        bodyless(
                                given(builder, States.CALLER_ORG_MEMBER),
                                "deleteOrgServiceAccountSecret: by an Organization Member (401 USER_UNAUTHORIZED)",
                                "DELETE",
                                ORG_ACCOUNT + "/secrets/" + SECRET_ID,
                                Contract.ATLAS_JSON),
                        401,
                        "UserUnauthorized")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteSecretAsMember")
    void deleteSecretAsMember(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(
                    () -> client.deleteOrgServiceAccountSecret(ORG_ID, CLIENT_ID, SECRET_ID), 401, "USER_UNAUTHORIZED");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact deleteSecretUnservedVersion(PactDslWithProvider builder) {
        return apiError(
                        given(builder, States.TARGET_HAS_EXAMPLE_SECRET)
                                .uponReceiving(
                                        InteractionNames.describe(
                                                "deleteOrgServiceAccountSecret: asking for a version date no version serves (406 INVALID_VERSION_DATE)"))
                                .method("DELETE")
                                .path(ORG_ACCOUNT + "/secrets/" + SECRET_ID)
                                .matchHeader(
                                        "Authorization", Contract.BEARER_REGEX, "Bearer " + Contract.FAKE_ACCESS_TOKEN)
                                .matchHeader("Accept", Contract.ATLAS_JSON_ANY_DATE, Contract.ATLAS_JSON_UNSERVED),
                        406,
                        "InvalidVersionDate")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteSecretUnservedVersion")
    void deleteSecretUnservedVersion(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(
                    () -> client.deleteOrgServiceAccountSecret(ORG_ID, CLIENT_ID, SECRET_ID),
                    406,
                    "INVALID_VERSION_DATE");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact deleteGroupSecret(PactDslWithProvider builder) {
        return bodyless(
                        given(builder, States.TARGET_HAS_EXAMPLE_SECRET),
                        "deleteGroupServiceAccountSecret: a secret",
                        "DELETE",
                        GROUP_ACCOUNT + "/secrets/" + SECRET_ID,
                        Contract.ATLAS_JSON)
                .willRespondWith()
                .status(204)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteGroupSecret")
    void deleteGroupSecret(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            client.deleteGroupServiceAccountSecret(GROUP_ID, CLIENT_ID, SECRET_ID);
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact deleteGroupSecretOtherOrganization(PactDslWithProvider builder) {
        return apiError(
                        bodyless(
                                given(builder, States.CALLER_IN_OTHER_ORG),
                                "deleteGroupServiceAccountSecret: by a caller of another organization (401 USER_UNAUTHORIZED)",
                                "DELETE",
                                GROUP_ACCOUNT + "/secrets/" + SECRET_ID,
                                Contract.ATLAS_JSON),
                        401,
                        "UserUnauthorized")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteGroupSecretOtherOrganization")
    void deleteGroupSecretOtherOrganization(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(
                    () -> client.deleteGroupServiceAccountSecret(GROUP_ID, CLIENT_ID, SECRET_ID),
                    401,
                    "USER_UNAUTHORIZED");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact deleteCloudManagerSecret(PactDslWithProvider builder) {
        return bodyless(
                        given(builder, States.TARGET_HAS_EXAMPLE_SECRET),
                        "deleteCloudManagerServiceAccountSecret: a secret",
                        "DELETE",
                        CM_ACCOUNT + "/secrets/" + SECRET_ID,
                        Contract.JSON)
                .willRespondWith()
                .status(204)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteCloudManagerSecret")
    void deleteCloudManagerSecret(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            client.deleteCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, SECRET_ID);
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact deleteCloudManagerSecretExpiredToken(PactDslWithProvider builder) {
        return apiError(
                        bodyless(
                                given(builder, States.CALLER_TOKEN_EXPIRED),
                                "deleteCloudManagerServiceAccountSecret: with an expired access token (401 USER_UNAUTHORIZED)",
                                "DELETE",
                                CM_ACCOUNT + "/secrets/" + SECRET_ID,
                                Contract.JSON),
                        401,
                        "UserUnauthorized")
                .matchHeader("WWW-Authenticate", Contract.DIGEST_CHALLENGE_REGEX, Contract.DIGEST_CHALLENGE_EXAMPLE)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteCloudManagerSecretExpiredToken")
    void deleteCloudManagerSecretExpiredToken(MockServer server) {
        try (AtlasCredentialsClient client = client(server)) {
            expectApiError(
                    () -> client.deleteCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, SECRET_ID),
                    401,
                    "USER_UNAUTHORIZED");
        }
    }
}
