package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.EmulatorBehaviourTest.ATLAS;
import static io.github.atlascredentials.emulator.EmulatorBehaviourTest.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.emulator.seed.SeedParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer shapes issue 22 aligned with the official spec (rows 3, 4, 5, 6, 11 and 12): each test names the
 * official operation and schema it follows (the spec's {@code x-source}).
 */
class OfficialShapesTest {
    private static final String ORG = "4888442a3354817a7320eb61";
    private static final String PROJECT = "32b6e34b3d91647abb20e7b8";
    private static final String OWNER_KEY = "5d1113b25a115342acc2d1aa";
    private static final String PROJECT_KEY = "5d1113b25a115342acc2d1ab";
    private static final String OWNER_ID = "mdb_sa_id_6a1b2c3d4e5f60718293a4b5";
    private static final String OWNER_SECRET = "mdb_sa_sk_DemoSecretDoNotUseOutsideTheEmulator0001";
    private static final String TARGET_ID = "mdb_sa_id_1234567890abcdef12345678";
    private static final String API_KEY_VERSION = "application/vnd.atlas.2023-01-01+json";
    private static final String SEED =
            """
            {"organizations": [{"id": "%s", "projects": [{"id": "%s"}],
              "serviceAccounts": [
                {"clientId": "%s", "name": "admin", "roles": ["ORG_OWNER"],
                 "secrets": [{"secret": "%s", "expiresAt": "2099-01-01T00:00:00Z"}]},
                {"clientId": "%s", "name": "pipeline", "description": "Rotates the pipeline's secrets",
                 "createdAt": "2024-08-01T09:30:00Z", "roles": ["ORG_MEMBER"],
                 "projectRoles": {"%s": ["GROUP_OWNER"]}}],
              "apiKeys": [
                {"id": "%s", "publicKey": "zmmrboas", "privateKey": "0f6b8c1e-2d3a-4b5c-9e7f-db2c132ca78d",
                 "roles": ["ORG_OWNER"]},
                {"id": "%s", "publicKey": "projonly", "privateKey": "1f6b8c1e-2d3a-4b5c-9e7f-db2c132ca78d",
                 "desc": "project key", "roles": ["ORG_MEMBER"], "projectRoles": {"%s": ["GROUP_OWNER", "GROUP_READ_ONLY"]}}]}]}
            """.formatted(ORG, PROJECT, OWNER_ID, OWNER_SECRET, TARGET_ID, PROJECT, OWNER_KEY, PROJECT_KEY, PROJECT);

    @TempDir
    Path dataDir;

    private AtlasEmulator emulator;
    private TestHttp http;
    private String bearer;

    @BeforeEach
    void start() {
        start(AtlasEmulator.builder()
                .port(0)
                .seed(SeedParser.parse("test seed", SEED.getBytes(StandardCharsets.UTF_8))));
    }

    private void start(AtlasEmulator.Builder builder) {
        emulator = builder.start();
        http = new TestHttp(emulator.baseUri());
        bearer = "Bearer " + http.token(OWNER_ID, OWNER_SECRET);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private TestHttp.Answer get(String path, String accept) {
        return http.send("GET", path, null, "Authorization", bearer, "Accept", accept);
    }

    /** Row 3, official spec: getOrgApiKey roles are CloudAccessRoleAssignment {orgId | groupId, roleName}. */
    @Test
    void projectRolesOfAnApiKeyReadBackWithTheirProject() {
        JsonNode key = get("/api/atlas/v2/orgs/" + ORG + "/apiKeys/" + PROJECT_KEY, API_KEY_VERSION)
                .json();
        assertThat(key.get("roles").toString())
                .isEqualTo("[{\"orgId\":\"" + ORG + "\",\"roleName\":\"ORG_MEMBER\"},"
                        + "{\"groupId\":\"" + PROJECT + "\",\"roleName\":\"GROUP_OWNER\"},"
                        + "{\"groupId\":\"" + PROJECT + "\",\"roleName\":\"GROUP_READ_ONLY\"}]");
        JsonNode page =
                get("/api/atlas/v2/orgs/" + ORG + "/apiKeys", API_KEY_VERSION).json();
        assertThat(page.get("results").get(1).get("roles")).isEqualTo(key.get("roles"));
    }

    /** Row 3: the project role authorizes Digest calls on its project (GROUP_OWNER deletes a project secret). */
    @Test
    void aProjectRoleOfAnApiKeyCountsForItsProject() {
        TestHttp.Digest projectKey = http.new Digest("projonly", "1f6b8c1e-2d3a-4b5c-9e7f-db2c132ca78d");
        TestHttp.Answer read = projectKey.send(
                "GET", "/api/atlas/v2/groups/" + PROJECT + "/serviceAccounts/" + TARGET_ID, null, "Accept", ATLAS);
        assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
        assertThat(read.json().get("roles").toString()).isEqualTo("[\"GROUP_OWNER\"]");
    }

    /** Row 3: project roles survive a restart on the same data directory. */
    @Test
    void projectRolesAndAccountDetailsArePersisted() {
        emulator.close();
        start(AtlasEmulator.builder()
                .port(0)
                .dataDir(dataDir)
                .seed(SeedParser.parse("test seed", SEED.getBytes(StandardCharsets.UTF_8))));
        emulator.close();
        start(AtlasEmulator.builder().port(0).dataDir(dataDir));
        JsonNode key = get("/api/atlas/v2/orgs/" + ORG + "/apiKeys/" + PROJECT_KEY, API_KEY_VERSION)
                .json();
        assertThat(key.get("roles").findValuesAsText("groupId")).containsExactly(PROJECT, PROJECT);
        JsonNode account = get("/api/atlas/v2/orgs/" + ORG + "/serviceAccounts/" + TARGET_ID, ATLAS)
                .json();
        assertThat(account.get("description").asText()).isEqualTo("Rotates the pipeline's secrets");
        assertThat(account.get("createdAt").asText()).isEqualTo("2024-08-01T09:30:00Z");
    }

    /** Row 4, official spec: createOrgApiKey roles enum includes ORG_STREAM_PROCESSING_ADMIN. */
    @Test
    void streamProcessingAdminIsAnOrganizationRole() {
        TestHttp.Answer created = http.post(
                "/api/atlas/v2/orgs/" + ORG + "/apiKeys",
                "{\"desc\":\"streams\",\"roles\":[\"ORG_STREAM_PROCESSING_ADMIN\"]}",
                "Authorization",
                bearer,
                "Accept",
                API_KEY_VERSION,
                "Content-Type",
                API_KEY_VERSION);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(200);
        assertThat(created.json().get("roles").get(0).get("roleName").asText())
                .isEqualTo("ORG_STREAM_PROCESSING_ADMIN");
    }

    /** Row 5, official spec: pages carry links, results and totalCount; includeCount=false leaves totalCount out. */
    @Test
    void pagesCarryLinksAndCountOnlyWhenAsked() {
        String list = "/api/atlas/v2/orgs/" + ORG + "/apiKeys";
        JsonNode first = get(list + "?itemsPerPage=1", API_KEY_VERSION).json();
        String base = emulator.baseUri().toString().replaceAll("/$", "");
        assertThat(first.get("links").toString())
                .isEqualTo("[{\"href\":\"" + base + list + "?pageNum=1&itemsPerPage=1\",\"rel\":\"self\"},"
                        + "{\"href\":\"" + base + list + "?pageNum=2&itemsPerPage=1\",\"rel\":\"next\"}]");
        assertThat(first.get("totalCount").asInt()).isEqualTo(2);
        JsonNode second = get(list + "?itemsPerPage=1&pageNum=2&includeCount=false", API_KEY_VERSION)
                .json();
        assertThat(second.has("totalCount")).isFalse();
        assertThat(second.get("links").findValuesAsText("rel")).containsExactly("self", "previous");
        expect(get(list + "?includeCount=maybe", API_KEY_VERSION), 400, "INVALID_QUERY_PARAMETER");
        // includeSystemManaged: the emulator holds no system-managed accounts, so both values list the same.
        String accounts = "/api/atlas/v2/orgs/" + ORG + "/serviceAccounts";
        assertThat(get(accounts + "?includeSystemManaged=true", ATLAS).json().get("results"))
                .isEqualTo(get(accounts, ATLAS).json().get("results"))
                .hasSize(2);
        expect(get(accounts + "?includeSystemManaged=1", ATLAS), 400, "INVALID_QUERY_PARAMETER");
    }

    /** Row 5, official spec: envelope on every read, list and delete; a list is its own envelope. */
    @Test
    void envelopeWrapsReadsListsAndDeletes() {
        TestHttp.Answer read =
                get("/api/atlas/v2/orgs/" + ORG + "/serviceAccounts/" + TARGET_ID + "?envelope=true", ATLAS);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("status").asInt()).isEqualTo(200);
        assertThat(read.json().get("content").get("clientId").asText()).isEqualTo(TARGET_ID);
        TestHttp.Answer missing =
                get("/api/atlas/v2/orgs/" + ORG + "/apiKeys/aaaaaaaaaaaaaaaaaaaaaaaa?envelope=true", API_KEY_VERSION);
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.json().get("status").asInt()).isEqualTo(404);
        assertThat(missing.json().get("content").get("errorCode").asText()).isEqualTo("RESOURCE_NOT_FOUND");
        JsonNode page = get("/api/atlas/v2/orgs/" + ORG + "/serviceAccounts?envelope=true", ATLAS)
                .json();
        assertThat(page.get("status").asInt()).isEqualTo(200);
        assertThat(page.get("results")).hasSize(2);
        TestHttp.Answer deleted = http.send(
                "DELETE",
                "/api/atlas/v2/orgs/" + ORG + "/apiKeys/" + PROJECT_KEY + "?envelope=true",
                null,
                "Authorization",
                bearer,
                "Accept",
                API_KEY_VERSION);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.raw().body()).isEqualTo("{\"status\":204}");
        assertThat(deleted.header("Content-Type")).isEqualTo(API_KEY_VERSION);
    }

    /** Row 6, official spec: getOrgServiceAccount / getGroupServiceAccount answer createdAt and description. */
    @Test
    void serviceAccountsReadBackWithCreationAndDescription() {
        JsonNode org = get("/api/atlas/v2/orgs/" + ORG + "/serviceAccounts/" + TARGET_ID, ATLAS)
                .json();
        assertThat(org.get("description").asText()).isEqualTo("Rotates the pipeline's secrets");
        assertThat(org.get("createdAt").asText()).isEqualTo("2024-08-01T09:30:00Z");
        JsonNode group = get("/api/atlas/v2/groups/" + PROJECT + "/serviceAccounts/" + TARGET_ID, ATLAS)
                .json();
        assertThat(group.get("description")).isEqualTo(org.get("description"));
        assertThat(group.get("createdAt")).isEqualTo(org.get("createdAt"));
        // Without them in the seed: the name describes it, and it was created when seeded.
        JsonNode admin = get("/api/atlas/v2/orgs/" + ORG + "/serviceAccounts/" + OWNER_ID, ATLAS)
                .json();
        assertThat(admin.get("description").asText()).isEqualTo("admin");
        assertThat(admin.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    /**
     * Row 11, official spec: the 204 of deleteOrgServiceAccountSecret declares application/vnd.atlas.2024-08-05+json.
     * Read from the socket: Grizzly sends the header on a 204, with no body.
     */
    @Test
    void aDeleteAnswers204WithTheVersionedContentType() throws IOException {
        String secretId = http.post(
                        "/api/atlas/v2/orgs/" + ORG + "/serviceAccounts/" + TARGET_ID + "/secrets",
                        "{\"secretExpiresAfterHours\": 8}",
                        "Authorization",
                        bearer,
                        "Accept",
                        ATLAS,
                        "Content-Type",
                        ATLAS)
                .json()
                .get("id")
                .asText();
        String head =
                rawRequest("DELETE /api/atlas/v2/orgs/" + ORG + "/serviceAccounts/" + TARGET_ID + "/secrets/" + secretId
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer + "\r\nAccept: " + ATLAS
                        + "\r\nConnection: close\r\n\r\n");
        assertThat(head)
                .startsWith("HTTP/1.1 204")
                .containsIgnoringCase("\r\nContent-Type: " + ATLAS + "\r\n")
                .doesNotContainIgnoringCase("Content-Length: ")
                .endsWith("\r\n\r\n");
        TestHttp.Answer apiKey = http.send(
                "DELETE",
                "/api/atlas/v2/orgs/" + ORG + "/apiKeys/" + PROJECT_KEY,
                null,
                "Authorization",
                bearer,
                "Accept",
                API_KEY_VERSION);
        assertThat(apiKey.status()).isEqualTo(204);
        assertThat(apiKey.header("Content-Type")).isEqualTo(API_KEY_VERSION);
        // Cloud Manager's delete is unversioned and declares no content: no Content-Type.
        TestHttp.Answer cloudManager = http.send(
                "DELETE", "/api/public/v1.0/orgs/" + ORG + "/apiKeys/" + OWNER_KEY, null, "Authorization", bearer);
        assertThat(cloudManager.status()).isEqualTo(204);
        assertThat(cloudManager.header("Content-Type")).isNull();
    }

    /** Row 12, official spec: secretId is a string without a pattern; an unknown id of any shape is 404. */
    @Test
    void aSecretIdOfAnyShapeIsLookedUpAndNotFound() {
        for (String secretId : new String[] {"not-a-hex-id", "66B544825867BA071C85469D", "1"}) {
            TestHttp.Answer a = http.send(
                    "DELETE",
                    "/api/atlas/v2/orgs/" + ORG + "/serviceAccounts/" + TARGET_ID + "/secrets/" + secretId,
                    null,
                    "Authorization",
                    bearer,
                    "Accept",
                    ATLAS);
            expect(a, 404, "RESOURCE_NOT_FOUND");
            assertThat(a.json().get("parameters").get(0).asText()).isEqualTo(secretId);
        }
    }

    /** The whole head of a raw HTTP/1.1 answer, as the socket delivered it (the request asks to close). */
    private String rawRequest(String request) throws IOException {
        try (Socket socket =
                new Socket(emulator.baseUri().getHost(), emulator.baseUri().getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
