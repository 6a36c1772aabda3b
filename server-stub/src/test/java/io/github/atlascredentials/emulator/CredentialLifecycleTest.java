package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Reading, deleting and listing service-account secrets and API keys, over real HTTP: the rules the spec states
 * in words (a deleted secret frees its slot and takes its tokens with it, a deleted key fails Digest at once,
 * reads never show a secret, roles per operation, each operation's own versions).
 */
class CredentialLifecycleTest extends DemoEmulatorTest {
    static final String SA_VERSION = "application/vnd.atlas.2024-08-05+json";
    static final String KEY_VERSION = "application/vnd.atlas.2023-01-01+json";
    static final String ORG_ACCOUNT = "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/serviceAccounts/" + DEMO_TARGET_CLIENT_ID;
    static final String GROUP_ACCOUNT =
            "/api/atlas/v2/groups/" + DEMO_PROJECT_ID + "/serviceAccounts/" + DEMO_TARGET_CLIENT_ID;
    static final String CM_ACCOUNT =
            "/api/public/v1.0/orgs/" + DEMO_ORG_ID + "/serviceAccounts/" + DEMO_TARGET_CLIENT_ID;
    static final String ATLAS_KEYS = "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/apiKeys";
    static final String CM_KEYS = "/api/public/v1.0/orgs/" + DEMO_ORG_ID + "/apiKeys";
    static final String UNKNOWN_ID = "0123456789abcdef01234567";

    TestHttp.Answer call(String method, String path, String body, String token, String version) {
        return call(http, method, path, body, token, version);
    }

    JsonNode createSecret(int hours) {
        TestHttp.Answer a = call(
                "POST", ORG_ACCOUNT + "/secrets", "{\"secretExpiresAfterHours\": " + hours + "}", owner, SA_VERSION);
        assertThat(a.status()).isEqualTo(201);
        return a.json();
    }

    @Test
    void deletingASecretFreesItsSlotAndRevokesTheTokensItObtained() {
        JsonNode first = createSecret(24);
        createSecret(48);
        assertThat(call("POST", ORG_ACCOUNT + "/secrets", "{\"secretExpiresAfterHours\": 8}", owner, SA_VERSION)
                        .errorCode())
                .isEqualTo("MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED");
        String tokenOfFirst =
                http.token(DEMO_TARGET_CLIENT_ID, first.get("secret").asText());
        assertThat(call("GET", ATLAS_KEYS, null, tokenOfFirst, KEY_VERSION).status())
                .isEqualTo(200);

        TestHttp.Answer deleted =
                call("DELETE", ORG_ACCOUNT + "/secrets/" + first.get("id").asText(), null, owner, SA_VERSION);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.raw().body()).isEmpty();
        TestHttp.Answer withRevokedToken = call("GET", ATLAS_KEYS, null, tokenOfFirst, KEY_VERSION);
        assertThat(withRevokedToken.status()).isEqualTo(401);
        assertThat(withRevokedToken.errorCode()).isEqualTo("USER_UNAUTHORIZED");
        assertThat(http.tokenRequest(
                                DEMO_TARGET_CLIENT_ID, first.get("secret").asText(), "grant_type=client_credentials")
                        .status())
                .isEqualTo(401);
        assertThat(createSecret(8).get("id").asText())
                .isNotEqualTo(first.get("id").asText());
    }

    @Test
    void projectAndCloudManagerDeletesWorkAndUnknownIdsAre404() {
        String a = createSecret(24).get("id").asText();
        String b = createSecret(24).get("id").asText();
        assertThat(call("DELETE", GROUP_ACCOUNT + "/secrets/" + a, null, owner, SA_VERSION)
                        .status())
                .isEqualTo(204);
        assertThat(call("DELETE", CM_ACCOUNT + "/secrets/" + b, null, owner, "application/json")
                        .status())
                .isEqualTo(204);
        assertThat(call("GET", ORG_ACCOUNT, null, owner, SA_VERSION).json().get("secrets"))
                .isEmpty();

        TestHttp.Answer again = call("DELETE", ORG_ACCOUNT + "/secrets/" + a, null, owner, SA_VERSION);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(again.header("Content-Type")).isEqualTo("application/json");
        assertThat(call("DELETE", CM_ACCOUNT + "/secrets/" + UNKNOWN_ID, null, owner, "application/json")
                        .status())
                .isEqualTo(404);
        // secretId has no pattern in the official spec: any other shape is an unknown id too.
        TestHttp.Answer otherShape = call("DELETE", ORG_ACCOUNT + "/secrets/not-an-id", null, owner, SA_VERSION);
        assertThat(otherShape.status()).isEqualTo(404);
        assertThat(otherShape.errorCode()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(call("DELETE", ORG_ACCOUNT + "/secrets/" + UNKNOWN_ID, null, owner, KEY_VERSION)
                        .status())
                .as("the secret operations have no version before 2024-08-05")
                .isEqualTo(406);
    }

    @Test
    void readsShowMaskedSecretsWithLastUseNeverTheSecret() {
        JsonNode created = createSecret(24);
        TestHttp.Answer before = call("GET", ORG_ACCOUNT, null, owner, SA_VERSION);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.header("Content-Type")).isEqualTo(SA_VERSION);
        JsonNode secret = before.json().get("secrets").get(0);
        assertThat(secret.get("id").asText()).isEqualTo(created.get("id").asText());
        assertThat(secret.get("maskedSecretValue").asText())
                .isEqualTo(created.get("maskedSecretValue").asText());
        assertThat(secret.get("expiresAt").asText())
                .isEqualTo(created.get("expiresAt").asText());
        assertThat(secret.has("secret")).isFalse();
        assertThat(secret.get("lastUsedAt").isNull()).isTrue();
        assertThat(before.raw().body()).doesNotContain(created.get("secret").asText());

        // The use is recorded in whole seconds; the clock may tick between the token request and the read.
        Instant beforeUse = emulator.clock().nowSeconds();
        http.token(DEMO_TARGET_CLIENT_ID, created.get("secret").asText());
        Instant afterUse = emulator.clock().nowSeconds();

        JsonNode used = call("GET", CM_ACCOUNT, null, owner, "application/json")
                .json()
                .get("secrets")
                .get(0);
        assertThat(Instant.parse(used.get("lastUsedAt").asText())).isBetween(beforeUse, afterUse);
        JsonNode fromProject =
                call("GET", GROUP_ACCOUNT, null, owner, SA_VERSION).json();
        assertThat(fromProject.get("roles").toString()).isEqualTo("[\"GROUP_OWNER\"]");
        assertThat(fromProject.get("secrets")).hasSize(1);
    }

    @Test
    void listPagesTheOrganizationsAccounts() {
        JsonNode all = call("GET", "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/serviceAccounts", null, owner, SA_VERSION)
                .json();
        assertThat(all.get("totalCount").asInt()).isEqualTo(2);
        assertThat(all.get("results").get(0).get("clientId").asText()).isEqualTo(DEMO_TARGET_CLIENT_ID);
        JsonNode second = call(
                        "GET",
                        "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/serviceAccounts?itemsPerPage=1&pageNum=2",
                        null,
                        owner,
                        SA_VERSION)
                .json();
        assertThat(second.get("results")).hasSize(1);
        assertThat(second.get("results").get(0).get("clientId").asText()).isEqualTo(DEMO_CLIENT_ID);
        assertThat(second.get("results").get(0).get("secrets").get(0).has("secret"))
                .isFalse();
        assertThat(call(
                                "GET",
                                "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/serviceAccounts?pageNum=9",
                                null,
                                owner,
                                SA_VERSION)
                        .json()
                        .get("results"))
                .isEmpty();
        assertThat(call(
                                "GET",
                                "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/serviceAccounts?itemsPerPage=501",
                                null,
                                owner,
                                SA_VERSION)
                        .errorCode())
                .isEqualTo("INVALID_QUERY_PARAMETER");
    }

    @Test
    void rolesFollowEachOperation() {
        createSecret(24);
        String member =
                http.token(DEMO_TARGET_CLIENT_ID, createSecret(24).get("secret").asText()); // ORG_MEMBER, GROUP_OWNER
        TestHttp.Answer read = call("GET", ORG_ACCOUNT, null, member, SA_VERSION);
        assertThat(read.status()).isEqualTo(401);
        assertThat(read.errorCode()).isEqualTo("USER_UNAUTHORIZED");
        assertThat(call("GET", GROUP_ACCOUNT, null, member, SA_VERSION).status())
                .isEqualTo(200);
        assertThat(call("GET", ATLAS_KEYS, null, member, KEY_VERSION).status()).isEqualTo(200);
        assertThat(call("DELETE", ATLAS_KEYS + "/5d1113b25a115342acc2d1aa", null, member, KEY_VERSION)
                        .errorCode())
                .isEqualTo("USER_UNAUTHORIZED");
    }

    @Test
    void apiKeysAreReadMaskedAndADeletedKeyFailsDigestAtOnce() {
        TestHttp.Answer created =
                call("POST", ATLAS_KEYS, "{\"desc\":\"rotation\",\"roles\":[\"ORG_OWNER\"]}", owner, KEY_VERSION);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.header("Content-Type")).isEqualTo(KEY_VERSION);
        JsonNode key = created.json();
        String id = key.get("id").asText();
        String privateKey = key.get("privateKey").asText();
        assertThat(key.get("links").get(0).get("href").asText()).endsWith(ATLAS_KEYS + "/" + id);

        TestHttp.Digest digest = http.new Digest(key.get("publicKey").asText(), privateKey);
        TestHttp.Answer read = digest.send("GET", ATLAS_KEYS + "/" + id, null, "Accept", KEY_VERSION);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("privateKey").asText()).isEqualTo("********-****-****-" + privateKey.substring(24));
        assertThat(read.raw().body()).doesNotContain(privateKey);
        JsonNode cmRead =
                call("GET", CM_KEYS + "/" + id, null, owner, "application/json").json();
        assertThat(cmRead.get("links").get(0).get("href").asText()).endsWith(CM_KEYS + "/" + id);
        assertThat(call("GET", CM_KEYS, null, owner, "application/json")
                        .json()
                        .get("totalCount")
                        .asInt())
                .isEqualTo(2);
        assertThat(call("GET", ATLAS_KEYS + "?itemsPerPage=1", null, owner, KEY_VERSION)
                        .json()
                        .get("results"))
                .hasSize(1);

        assertThat(call("DELETE", ATLAS_KEYS + "/" + id, null, owner, KEY_VERSION)
                        .status())
                .isEqualTo(204);

        TestHttp.Answer afterDelete = digest.send("GET", ATLAS_KEYS, null, "Accept", KEY_VERSION);
        assertThat(afterDelete.status()).isEqualTo(401);
        assertThat(afterDelete.header("WWW-Authenticate")).startsWith("Digest ");
        assertThat(call("GET", ATLAS_KEYS + "/" + id, null, owner, KEY_VERSION).errorCode())
                .isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(call("DELETE", CM_KEYS + "/" + id, null, owner, "application/json")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void eachOperationNegotiatesItsOwnVersions() {
        assertThat(call("GET", ATLAS_KEYS, null, owner, KEY_VERSION).header("Content-Type"))
                .isEqualTo(KEY_VERSION);
        assertThat(call("GET", ATLAS_KEYS, null, owner, SA_VERSION).errorCode())
                .as("2024-08-05 is not a version of the API-key operations: no fallback to 2023-01-01")
                .isEqualTo("INVALID_VERSION_DATE");
        assertThat(call("GET", ATLAS_KEYS, null, owner, "application/vnd.atlas.2022-12-31+json")
                        .errorCode())
                .isEqualTo("INVALID_VERSION_DATE");
        assertThat(call("GET", ORG_ACCOUNT, null, owner, KEY_VERSION).errorCode())
                .isEqualTo("INVALID_VERSION_DATE");
    }
}
