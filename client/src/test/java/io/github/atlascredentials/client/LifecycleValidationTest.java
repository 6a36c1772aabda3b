package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.support.TestAtlasServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The read, list and delete operations and the rotations refuse arguments that break the spec locally, naming
 * field and rule: nothing is sent (not even a token request).
 */
class LifecycleValidationTest {
    private static final String SECRET_ID = "66b544825867ba071c85469d";
    private static final String OBJECT_ID_RULE = "must match ^([a-f0-9]{24})$";
    private static TestAtlasServer server;
    private static AtlasCredentialsClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new TestAtlasServer().auth(TestAtlasServer.Auth.BEARER).serviceAccount(CLIENT_ID, CLIENT_SECRET);
        client = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @AfterEach
    void nothingLeftTheProcess() {
        assertThat(server.requests()).as("no token, API or revoke request").isEmpty();
    }

    private static void assertRefused(Executable call, String field, String rule) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(AtlasValidationException.class, e -> {
            assertThat(e.violations()).contains(new FieldError(field, rule));
            assertThat(e.getMessage()).contains(field + ": " + rule).contains("nothing was sent");
        });
    }

    @Test
    void secretIdsAreCheckedByEveryDelete() {
        // The official spec gives secretId no pattern: only a missing one is refused here (RequestShapeTest sends
        // others).
        assertRefused(
                () -> client.deleteOrgServiceAccountSecret(ORG_ID, CLIENT_ID, null), "secretId", "must not be null");
        assertRefused(
                () -> client.deleteGroupServiceAccountSecret(ORG_ID, CLIENT_ID, null), "secretId", "must not be null");
        assertRefused(
                () -> client.deleteCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, null),
                "secretId",
                "must not be null");
        assertRefused(
                () -> client.deleteOrgServiceAccountSecret(ORG_ID, "mdb_sa_id_x", SECRET_ID),
                "clientId",
                "must match ^mdb_sa_id_[a-fA-F\\d]{24}$");
    }

    @Test
    void readsCheckTheirPathAndPageParameters() {
        assertRefused(
                () -> client.getOrgServiceAccount("4888442A3354817A7320EB61", CLIENT_ID), "orgId", OBJECT_ID_RULE);
        assertRefused(() -> client.getGroupServiceAccount(null, CLIENT_ID), "groupId", "must not be null");
        assertRefused(
                () -> client.getCloudManagerServiceAccount(ORG_ID, "x"),
                "clientId",
                "must match ^mdb_sa_id_[a-fA-F\\d]{24}$");
        assertRefused(
                () -> client.listOrgServiceAccounts(ORG_ID, PageRequest.of(0, 100)),
                "pageNum",
                "must be an integer of at least 1");
        assertRefused(
                () -> client.listOrgApiKeys(ORG_ID, PageRequest.first(501)),
                "itemsPerPage",
                "must be an integer between 1 and 500");
        assertRefused(
                () -> client.listCloudManagerOrgApiKeys(ORG_ID, PageRequest.of(-1, 1)),
                "pageNum",
                "must be an integer of at least 1");
    }

    @Test
    void apiKeyOperationsCheckIdsAndBodies() {
        assertRefused(() -> client.getOrgApiKey(ORG_ID, "zmmrboas"), "apiUserId", OBJECT_ID_RULE);
        assertRefused(() -> client.getCloudManagerOrgApiKey(ORG_ID, ""), "apiUserId", OBJECT_ID_RULE);
        assertRefused(() -> client.deleteOrgApiKey(ORG_ID, null), "apiUserId", "must not be null");
        assertRefused(() -> client.deleteCloudManagerOrgApiKey("x", SECRET_ID), "orgId", OBJECT_ID_RULE);
        assertThatThrownBy(() -> client.createAtlasOrgApiKey(ORG_ID, "", List.of(OrgRoleName.ORG_OWNER)))
                .isInstanceOf(AtlasValidationException.class)
                .hasMessageContaining("desc");
        assertThatThrownBy(() -> client.createAtlasOrgApiKey(ORG_ID, "d", List.of()))
                .isInstanceOf(AtlasValidationException.class)
                .hasMessageContaining("roles");
        assertThatThrownBy(() -> client.createAtlasOrgApiKey(ORG_ID, "d", null))
                .isInstanceOf(AtlasValidationException.class)
                .hasMessageContaining("roles");
    }

    @Test
    void baseUrlMustBeAnAbsoluteHttpOrHttpsUrl() {
        for (String bad : List.of("ftp://example.com/", "/api", "mailto:someone@example.com")) {
            assertThatThrownBy(() -> AtlasCredentialsClient.builder().baseUrl(URI.create(bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("baseUrl must be an absolute http(s) URL");
        }
        AtlasCredentialsClient.builder()
                .baseUrl(URI.create("https://cloud.mongodb.com"))
                .baseUrl(URI.create("http://127.0.0.1:8080"));
        assertThat(client.toString())
                .startsWith("AtlasCredentialsClient[baseUrl=" + server.baseUrl())
                .contains(", connector=")
                .doesNotContain(CLIENT_SECRET);
    }

    @Test
    void rotationsRefuseBadArgumentsBeforeSending() {
        assertRefused(
                () -> SecretRotation.ofOrgServiceAccount(client, "nope", CLIENT_ID)
                        .secretExpiresAfterHours(24)
                        .build()
                        .start(),
                "orgId",
                OBJECT_ID_RULE);
        assertThatThrownBy(() -> SecretRotation.ofOrgServiceAccount(client, ORG_ID, CLIENT_ID)
                        .build())
                .as("found at build(), before anything is sent")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secretExpiresAfterHours");
        assertThatThrownBy(() -> SecretRotation.ofOrgServiceAccount(client, ORG_ID, CLIENT_ID)
                        .secretExpiresAfterHours(2)
                        .build())
                .isInstanceOf(AtlasValidationException.class)
                .hasMessageContaining("secretExpiresAfterHours");
        assertThatThrownBy(() -> SecretRotation.ofOrgServiceAccount(client, ORG_ID, CLIENT_ID)
                        .buildForRetiring()
                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("buildForRetiring");
        assertRefused(
                () -> ApiKeyRotation.ofAtlasOrgApiKey(client, ORG_ID, "zmmrboas")
                        .build()
                        .start(),
                "apiUserId",
                OBJECT_ID_RULE);
    }
}
