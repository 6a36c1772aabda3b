package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_SECRET;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_ORG_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_TARGET_CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update operations over real HTTP, with the rules the spec states in words: what is not sent stays (an absent
 * list is not an empty one), roles replace roles, keys and secrets stay, an answer never shows a private key, an
 * empty update and an unknown id are refused, only an owner may update, and an update survives a restart.
 */
class UpdateOperationsTest extends DemoEmulatorTest {
    static final String KEY_VERSION = "application/vnd.atlas.2023-01-01+json";
    static final String ATLAS_KEYS = "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/apiKeys";
    static final String UNKNOWN_KEY_ID = "0123456789abcdef01234567";
    static final String SA_VERSION = "application/vnd.atlas.2024-08-05+json";
    static final String ORG_ACCOUNT = "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/serviceAccounts/" + DEMO_TARGET_CLIENT_ID;

    TestHttp.Answer call(String method, String path, String body, String version) {
        return call(http, method, path, body, owner, version);
    }

    JsonNode createKey(String keys, String version) {
        TestHttp.Answer created = call("POST", keys, "{\"desc\":\"before\",\"roles\":[\"ORG_OWNER\"]}", version);
        assertThat(created.status()).isEqualTo(200);
        return created.json();
    }

    static List<String> roleNames(JsonNode key) {
        List<String> names = new ArrayList<>();
        key.get("roles").forEach(r -> names.add(r.get("roleName").asText()));
        return names;
    }

    @Test
    void atlasKeyUpdateChangesWhatIsSentKeepsTheRestAndMasksThePrivateKey() {
        JsonNode key = createKey(ATLAS_KEYS, KEY_VERSION);
        String path = ATLAS_KEYS + "/" + key.get("id").asText();
        String privateKey = key.get("privateKey").asText();

        TestHttp.Answer descOnly = call("PATCH", path, "{\"desc\":\"after\"}", KEY_VERSION);
        assertThat(descOnly.status()).isEqualTo(200);
        assertThat(descOnly.header("Content-Type")).isEqualTo(KEY_VERSION);
        assertThat(descOnly.json().get("desc").asText()).isEqualTo("after");
        assertThat(roleNames(descOnly.json()))
                .as("roles not sent stay (absent, not an empty list)")
                .containsExactly("ORG_OWNER");
        assertThat(descOnly.json().get("privateKey").asText())
                .isEqualTo("********-****-****-" + privateKey.substring(24));
        assertThat(descOnly.raw().body()).doesNotContain(privateKey);

        JsonNode rolesOnly = call("PATCH", path, "{\"roles\":[\"ORG_MEMBER\",\"ORG_READ_ONLY\"]}", KEY_VERSION)
                .json();
        assertThat(roleNames(rolesOnly)).as("roles replace roles").containsExactly("ORG_MEMBER", "ORG_READ_ONLY");
        assertThat(rolesOnly.get("desc").asText()).isEqualTo("after");
        assertThat(rolesOnly.get("publicKey").asText())
                .isEqualTo(key.get("publicKey").asText());

        JsonNode read = call("GET", path, null, KEY_VERSION).json();
        assertThat(roleNames(read)).containsExactly("ORG_MEMBER", "ORG_READ_ONLY");
        TestHttp.Digest digest = http.new Digest(key.get("publicKey").asText(), privateKey);
        TestHttp.Answer withTheSameKeys = digest.send("GET", path, null, "Accept", KEY_VERSION);
        assertThat(withTheSameKeys.status()).as("the private key still works").isEqualTo(200);
        assertThat(digest.send("DELETE", path, null, "Accept", KEY_VERSION).errorCode())
                .as("the new roles apply at once: ORG_MEMBER may not delete")
                .isEqualTo("USER_UNAUTHORIZED");
    }

    @Test
    void atlasKeyUpdateRefusals() {
        String path =
                ATLAS_KEYS + "/" + createKey(ATLAS_KEYS, KEY_VERSION).get("id").asText();

        TestHttp.Answer empty = call("PATCH", path, "{}", KEY_VERSION);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(call("PATCH", path, "{\"desc\":null}", KEY_VERSION).errorCode())
                .isEqualTo("VALIDATION_ERROR");
        assertThat(call("PATCH", path, "{\"roles\":[]}", KEY_VERSION).errorCode())
                .isEqualTo("MISSING_API_KEY_ROLES");
        assertThat(call("PATCH", path, "{\"roles\":[\"GROUP_OWNER\"]}", KEY_VERSION)
                        .errorCode())
                .isEqualTo("INVALID_ROLE_FOR_ORG");
        assertThat(call("PATCH", path, "{\"desc\":\"\"}", KEY_VERSION).errorCode())
                .isEqualTo("INVALID_API_KEY_DESC");
        assertThat(call("PATCH", path, "{\"publicKey\":\"abcdefgh\"}", KEY_VERSION)
                        .errorCode())
                .isEqualTo("INVALID_ATTRIBUTE");
        TestHttp.Answer unknown = call("PATCH", ATLAS_KEYS + "/" + UNKNOWN_KEY_ID, "{\"desc\":\"x\"}", KEY_VERSION);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(call("PATCH", path, "{\"desc\":\"x\"}", "application/json").status())
                .as("the versioned type only")
                .isIn(406, 415);
        assertThat(call("GET", path, null, KEY_VERSION).json().get("desc").asText())
                .isEqualTo("before");
    }

    @Test
    void atlasKeyUpdateNeedsTheOwnerRole() {
        JsonNode key = createKey(ATLAS_KEYS, KEY_VERSION);
        String path = ATLAS_KEYS + "/" + key.get("id").asText();
        call("PATCH", path, "{\"roles\":[\"ORG_MEMBER\"]}", KEY_VERSION);
        TestHttp.Digest member = http
        .new Digest(key.get("publicKey").asText(), key.get("privateKey").asText());
        TestHttp.Answer refused = member.send(
                "PATCH", path, "{\"roles\":[\"ORG_OWNER\"]}", "Accept", KEY_VERSION, "Content-Type", KEY_VERSION);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("USER_UNAUTHORIZED");
    }

    @Test
    void cloudManagerKeyUpdateHasTheEffectsOfTheAtlasOne() {
        String cmKeys = "/api/public/v1.0/orgs/" + DEMO_ORG_ID + "/apiKeys";
        JsonNode key = createKey(cmKeys, "application/json");
        String path = cmKeys + "/" + key.get("id").asText();

        TestHttp.Answer rolesOnly = call("PATCH", path, "{\"roles\":[\"ORG_BILLING_ADMIN\"]}", "application/json");
        assertThat(rolesOnly.status()).isEqualTo(200);
        assertThat(roleNames(rolesOnly.json())).containsExactly("ORG_BILLING_ADMIN");
        assertThat(rolesOnly.json().get("desc").asText())
                .as("desc not sent stays")
                .isEqualTo("before");
        assertThat(rolesOnly.json().get("links").get(0).get("href").asText()).endsWith(path);
        assertThat(rolesOnly.raw().body()).doesNotContain(key.get("privateKey").asText());
        assertThat(call("GET", ATLAS_KEYS + "/" + key.get("id").asText(), null, KEY_VERSION)
                        .json()
                        .get("roles"))
                .as("the same key in both APIs")
                .isEqualTo(rolesOnly.json().get("roles"));
        assertThat(call("PATCH", path, "{}", "application/json").errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(call("PATCH", path, "{\"roles\":[]}", "application/json").errorCode())
                .isEqualTo("MISSING_API_KEY_ROLES");
        assertThat(call("PATCH", cmKeys + "/" + UNKNOWN_KEY_ID, "{\"desc\":\"x\"}", "application/json")
                        .errorCode())
                .isEqualTo("RESOURCE_NOT_FOUND");
        TestHttp.Digest member = http
        .new Digest(key.get("publicKey").asText(), key.get("privateKey").asText());
        assertThat(member.send(
                                "PATCH",
                                path,
                                "{\"roles\":[\"ORG_OWNER\"]}",
                                "Accept",
                                "application/json",
                                "Content-Type",
                                "application/json")
                        .errorCode())
                .as("billing admins may not update keys")
                .isEqualTo("USER_UNAUTHORIZED");
    }

    @Test
    void anUpdateSurvivesARestart(@TempDir Path dataDir) {
        String path;
        try (AtlasEmulator first =
                AtlasEmulator.builder().port(0).dataDir(dataDir).start()) {
            TestHttp on = new TestHttp(first.baseUri());
            String token = on.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
            TestHttp.Answer created =
                    call(on, "POST", ATLAS_KEYS, "{\"desc\":\"before\",\"roles\":[\"ORG_OWNER\"]}", token, KEY_VERSION);
            path = ATLAS_KEYS + "/" + created.json().get("id").asText();
            assertThat(call(on, "PATCH", path, "{\"desc\":\"kept\",\"roles\":[\"ORG_READ_ONLY\"]}", token, KEY_VERSION)
                            .status())
                    .isEqualTo(200);
        }
        try (AtlasEmulator second =
                AtlasEmulator.builder().port(0).dataDir(dataDir).start()) {
            TestHttp on = new TestHttp(second.baseUri());
            JsonNode read = call(on, "GET", path, null, on.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET), KEY_VERSION)
                    .json();
            assertThat(read.get("desc").asText()).isEqualTo("kept");
            assertThat(roleNames(read)).containsExactly("ORG_READ_ONLY");
        }
    }

    String targetToken() {
        TestHttp.Answer created =
                call("POST", ORG_ACCOUNT + "/secrets", "{\"secretExpiresAfterHours\": 24}", SA_VERSION);
        assertThat(created.status()).isEqualTo(201);
        return http.token(DEMO_TARGET_CLIENT_ID, created.json().get("secret").asText());
    }

    @Test
    void serviceAccountUpdateChangesWhatIsSentAndKeepsSecretsAndTokens() {
        JsonNode before = call("GET", ORG_ACCOUNT, null, SA_VERSION).json();
        String target = targetToken();
        assertThat(call(http, "GET", ORG_ACCOUNT, null, target, SA_VERSION).errorCode())
                .as("ORG_MEMBER may not read the account")
                .isEqualTo("USER_UNAUTHORIZED");

        TestHttp.Answer renamed = call("PATCH", ORG_ACCOUNT, "{\"name\":\"renamed-bot\"}", SA_VERSION);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.header("Content-Type")).isEqualTo(SA_VERSION);
        assertThat(renamed.json().get("name").asText()).isEqualTo("renamed-bot");
        assertThat(renamed.json().get("description")).isEqualTo(before.get("description"));
        assertThat(renamed.json().get("roles")).as("roles not sent stay").isEqualTo(before.get("roles"));
        assertThat(renamed.json().get("secrets")).hasSize(1);
        assertThat(renamed.json().get("secrets").get(0).has("secret")).isFalse();

        JsonNode promoted = call(
                        "PATCH",
                        ORG_ACCOUNT,
                        "{\"description\":\"Rotates keys\",\"roles\":[\"ORG_READ_ONLY\"]}",
                        SA_VERSION)
                .json();
        assertThat(promoted.get("roles")).hasSize(1);
        assertThat(promoted.get("roles").get(0).asText())
                .as("roles replace roles")
                .isEqualTo("ORG_READ_ONLY");
        assertThat(promoted.get("description").asText()).isEqualTo("Rotates keys");
        assertThat(promoted.get("name").asText()).isEqualTo("renamed-bot");
        TestHttp.Answer readWithOldToken = call(http, "GET", ORG_ACCOUNT, null, target, SA_VERSION);
        assertThat(readWithOldToken.status())
                .as("the token stays valid and the new role applies at once")
                .isEqualTo(200);
        assertThat(readWithOldToken.json().get("name").asText()).isEqualTo("renamed-bot");
    }

    @Test
    void serviceAccountUpdateRefusals() {
        assertThat(call("PATCH", ORG_ACCOUNT, "{}", SA_VERSION).errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(call("PATCH", ORG_ACCOUNT, "{\"name\":\"a/b\"}", SA_VERSION).errorCode())
                .isEqualTo("VALIDATION_ERROR");
        assertThat(call("PATCH", ORG_ACCOUNT, "{\"name\":\"\"}", SA_VERSION).errorCode())
                .isEqualTo("VALIDATION_ERROR");
        assertThat(call("PATCH", ORG_ACCOUNT, "{\"roles\":[\"GROUP_OWNER\"]}", SA_VERSION)
                        .errorCode())
                .isEqualTo("INVALID_ROLE_FOR_ORG");
        assertThat(call("PATCH", ORG_ACCOUNT, "{\"clientId\":\"x\"}", SA_VERSION)
                        .errorCode())
                .isEqualTo("INVALID_ATTRIBUTE");
        TestHttp.Answer unknown = call(
                "PATCH",
                "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/serviceAccounts/mdb_sa_id_0123456789abcdef01234567",
                "{\"name\":\"x\"}",
                SA_VERSION);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("RESOURCE_NOT_FOUND");
        String member = targetToken();
        assertThat(call(http, "PATCH", ORG_ACCOUNT, "{\"roles\":[\"ORG_OWNER\"]}", member, SA_VERSION)
                        .errorCode())
                .as("an Organization Member may not promote itself")
                .isEqualTo("USER_UNAUTHORIZED");
        assertThat(call("GET", ORG_ACCOUNT, null, SA_VERSION)
                        .json()
                        .get("roles")
                        .get(0)
                        .asText())
                .isEqualTo("ORG_MEMBER");
    }

    @Test
    void aServiceAccountUpdateSurvivesARestart(@TempDir Path dataDir) {
        try (AtlasEmulator first =
                AtlasEmulator.builder().port(0).dataDir(dataDir).start()) {
            TestHttp on = new TestHttp(first.baseUri());
            String token = on.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
            assertThat(call(
                                    on,
                                    "PATCH",
                                    ORG_ACCOUNT,
                                    "{\"name\":\"kept\",\"roles\":[\"ORG_BILLING_ADMIN\"]}",
                                    token,
                                    SA_VERSION)
                            .status())
                    .isEqualTo(200);
        }
        try (AtlasEmulator second =
                AtlasEmulator.builder().port(0).dataDir(dataDir).start()) {
            TestHttp on = new TestHttp(second.baseUri());
            JsonNode read = call(on, "GET", ORG_ACCOUNT, null, on.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET), SA_VERSION)
                    .json();
            assertThat(read.get("name").asText()).isEqualTo("kept");
            assertThat(read.get("roles").get(0).asText()).isEqualTo("ORG_BILLING_ADMIN");
        }
    }
}
