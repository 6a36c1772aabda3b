package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ApiKeyRequest;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.internal.RequestValidator;
import io.github.atlascredentials.client.support.TestAtlasServer;
import io.github.atlascredentials.spec.rules.ApiRules;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Arguments that break the spec are refused locally, naming field and rule; nothing is sent. */
class ValidationTest {
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
    void orgIdPattern() {
        assertRefused(
                () -> client.createOrgServiceAccountSecret("4888442A3354817A7320EB61", CLIENT_ID, 24),
                "orgId",
                "must match ^([a-f0-9]{24})$");
        assertRefused(
                () -> client.createOrgApiKey("../../admin", "d", List.of(OrgRoleName.ORG_OWNER)),
                "orgId",
                "must match ^([a-f0-9]{24})$");
        assertRefused(
                () -> client.createCloudManagerServiceAccountSecret(null, CLIENT_ID, 24), "orgId", "must not be null");
    }

    @Test
    void groupIdAndClientIdPatterns() {
        assertRefused(
                () -> client.createGroupServiceAccountSecret("32b6e34b3d91647abb20e7b", CLIENT_ID, 24),
                "groupId",
                "must match ^([a-f0-9]{24})$");
        assertRefused(
                () -> client.createOrgServiceAccountSecret(ORG_ID, "mdb_sa_id_123", 24),
                "clientId",
                "must match ^mdb_sa_id_[a-fA-F\\d]{24}$");
    }

    @Test
    void atlasHoursBounds() {
        assertRefused(
                () -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 7),
                "secretExpiresAfterHours",
                "must be between 8 and 8760");
        assertRefused(
                () -> client.createGroupServiceAccountSecret(GROUP_ID, CLIENT_ID, 8761),
                "secretExpiresAfterHours",
                "must be between 8 and 8760");
    }

    @Test
    void cloudManagerHoursBounds() {
        // Sent as the string Cloud Manager documents, so the rule of the string form applies.
        assertRefused(
                () -> client.createCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, 8767),
                "secretExpiresAfterHours",
                "must be a whole number of hours (digits, no sign or leading zero) between 8 and 8766");
    }

    @Test
    void apiKeyBody() {
        assertRefused(
                () -> client.createOrgApiKey(ORG_ID, "", List.of(OrgRoleName.ORG_OWNER)),
                "desc",
                "must be between 1 and 250 characters long");
        assertRefused(
                () -> client.createOrgApiKey(ORG_ID, "x".repeat(251), List.of(OrgRoleName.ORG_OWNER)),
                "desc",
                "must be between 1 and 250 characters long");
        assertRefused(() -> client.createOrgApiKey(ORG_ID, "d", List.of()), "roles", "must be at least 1 items");
        assertRefused(() -> client.createOrgApiKey(ORG_ID, null, null), "roles", "must not be null");
        assertRefused(
                () -> client.createOrgApiKey(ORG_ID, "d", java.util.Arrays.asList(OrgRoleName.ORG_OWNER, null)),
                "roles",
                "must be an array of role names");
    }

    @Test
    void lengthsCountCodePointsAsTheSpecAndTheEmulatorDo() {
        // 250 emoji are 500 UTF-16 chars but 250 characters in the spec's (JSON Schema's) sense.
        String emoji = "\uD83D\uDD11".repeat(250);
        new RequestValidator(ApiRules.builtIn())
                .checks("createOrgApiKey")
                .pathParameter("orgId", ORG_ID)
                .body(new ApiKeyRequest().desc(emoji).roles(List.of(OrgRoleName.ORG_OWNER)))
                .throwIfAny();
        assertRefused(
                () -> client.createOrgApiKey(ORG_ID, emoji + "\uD83D\uDD11", List.of(OrgRoleName.ORG_OWNER)),
                "desc",
                "must be between 1 and 250 characters long");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        assertThatThrownBy(() -> client.createOrgServiceAccountSecret("bad", "bad", 0))
                .isInstanceOfSatisfying(
                        AtlasValidationException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldError::field)
                                .containsExactly("orgId", "clientId", "secretExpiresAfterHours"));
    }
}
