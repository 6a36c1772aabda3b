package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.ApiKeyRole;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.generated.model.PaginatedApiKeys;
import io.github.atlascredentials.client.support.TestAtlasServer;
import io.github.atlascredentials.client.support.TestAtlasServer.Scripted;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 2xx bodies are read tolerantly (unknown enum values) and completely (nothing required missing). */
class ResponseReadingTest {
    private static final String NEW_KEY = "5e1f0c3a-9b8d-4e2f-a1b0-c9d8e7f6a5b4";
    private static TestAtlasServer server;
    private static AtlasCredentialsClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new TestAtlasServer().auth(TestAtlasServer.Auth.NONE);
        client = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(ApiKeyCredential.of(PUBLIC_KEY, PRIVATE_KEY))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static String apiKeyBody(String roleName) {
        return "{\"id\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"desc\":\"d\",\"publicKey\":\"abcdefgh\",\"privateKey\":\""
                + NEW_KEY
                + "\",\"roles\":[{\"orgId\":\"" + ORG_ID + "\",\"roleName\":\"ORG_MEMBER\"},{\"orgId\":\"" + ORG_ID
                + "\",\"roleName\":\"" + roleName + "\"},{\"groupId\":\"" + GROUP_ID
                + "\",\"roleName\":\"GROUP_OWNER\"}],"
                + "\"links\":[{\"href\":\"http://x/y\",\"rel\":\"self\"}]}";
    }

    /** Issue 22: a role name the spec does not know, and a project role, read back exactly (never null). */
    @Test
    void unknownAndProjectRoleNamesAreKeptExactly() {
        server.enqueue(Scripted.json(200, apiKeyBody("ORG_ROLE_ADDED_LATER"), Map.of()));
        ApiKey key = client.createOrgApiKey(ORG_ID, "d", List.of(OrgRoleName.ORG_MEMBER));

        assertThat(key.getPrivateKey()).isEqualTo(NEW_KEY);
        assertRolesKept(key);
    }

    @Test
    void rolesInAListPageAreKeptExactly() {
        server.enqueue(Scripted.json(
                200, "{\"links\":[],\"results\":[" + apiKeyBody("ORG_ROLE_ADDED_LATER") + "]}", Map.of()));
        PaginatedApiKeys page = client.listOrgApiKeys(ORG_ID, PageRequest.defaults());

        assertThat(page.getTotalCount()).as("left out with includeCount=false").isNull();
        assertRolesKept(page.getResults().get(0));
    }

    private static void assertRolesKept(ApiKey key) {
        ApiKeyRole known = key.getRoles().get(0);
        ApiKeyRole unknown = key.getRoles().get(1);
        ApiKeyRole project = key.getRoles().get(2);
        assertThat(known.getRoleName()).isEqualTo("ORG_MEMBER");
        assertThat(ApiKeyRoles.knownOrgRole(known)).contains(OrgRoleName.ORG_MEMBER);
        assertThat(unknown.getRoleName()).isEqualTo("ORG_ROLE_ADDED_LATER");
        assertThat(unknown.getOrgId()).isEqualTo(ORG_ID);
        assertThat(ApiKeyRoles.knownOrgRole(unknown)).isEmpty();
        assertThat(project.getRoleName()).isEqualTo("GROUP_OWNER");
        assertThat(project.getGroupId()).isEqualTo(GROUP_ID);
        assertThat(project.getOrgId()).isNull();
        assertThat(ApiKeyRoles.isProjectRole(project)).isTrue();
        assertThat(ApiKeyRoles.knownOrgRole(project)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "empty body|",
                "JSON null|null",
                "empty object|{}",
                "not JSON|<html>created</html>",
                "a JSON array|[]",
                "required field null|{\"id\":\"66b544825867ba071c85469d\",\"createdAt\":null,\"expiresAt\":\"2025-01-05T22:19:45Z\",\"secret\":\"mdb_sa_sk_abc\"}",
                "required field absent|{\"id\":\"66b544825867ba071c85469d\",\"createdAt\":\"2024-08-08T22:19:45Z\",\"secret\":\"mdb_sa_sk_abc\"}",
                "truncated JSON|{\"id\":\"66b544825867ba071c85469d\",\"createdAt\":\"2024-08-08T22:19:45Z\",\"secret\":\"mdb_sa_sk_a"
            })
    void unreadable2xxBodiesThrowWithStatusAndRawBody(String shape, String body) {
        server.enqueue(Scripted.json(201, body == null ? "" : body, Map.of()));
        assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                .isInstanceOfSatisfying(AtlasResponseException.class, e -> {
                    assertThat(e.status()).isEqualTo(201);
                    assertThat(e.rawBody()).isEqualTo(body == null ? "" : body);
                    assertThat(e.getMessage()).doesNotContain("mdb_sa_sk_");
                });
    }

    // Before, a body past Jackson's 20 M character string limit was reported as "the body is not JSON".
    @Test
    void a201OverTheSizeCapIsReportedAsTooLargeAndApplied() {
        String huge =
                "{\"id\":\"66b544825867ba071c85469d\",\"createdAt\":\"2024-08-08T22:19:45Z\",\"secret\":\"mdb_sa_sk_"
                        + "a".repeat(20_000_100) + "\"}";
        server.enqueue(Scripted.json(201, huge, Map.of()));
        assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                .isInstanceOfSatisfying(AtlasResponseException.class, e -> {
                    assertThat(e.status()).isEqualTo(201);
                    assertThat(e.getMessage())
                            .contains("larger than the 8388608 bytes this client reads")
                            .contains("the request was applied")
                            .doesNotContain("not JSON")
                            .doesNotContain("mdb_sa_sk_");
                });
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        server.enqueue(Scripted.json(
                200,
                "{\"id\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"privateKey\":\"" + NEW_KEY + "\",\"roles\":[{\"orgId\":\""
                        + ORG_ID + "\"}, null]}",
                Map.of()));
        assertThatThrownBy(() -> client.createOrgApiKey(ORG_ID, "d", List.of(OrgRoleName.ORG_MEMBER)))
                .isInstanceOfSatisfying(AtlasResponseException.class, e -> {
                    // roles[0] lacks roleName, which the official spec does not require: not named.
                    assertThat(e.getMessage())
                            .contains("desc", "publicKey", "links", "roles[1]")
                            .doesNotContain("roleName");
                    assertThat(e.rawBody()).contains(NEW_KEY); // the created key can still be recovered
                });
    }

    @Test
    void bodyCutShortByTheConnectionKeepsStatusAndWhatArrived() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                AtlasCredentialsClient direct = AtlasCredentialsClient.builder()
                        .baseUrl("http://127.0.0.1:" + socket.getLocalPort())
                        .credential(
                                io.github.atlascredentials.client.auth.BearerTokenCredential.of("static-token-abcdef"))
                        .build()) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket s = socket.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    String partial = "{\"id\":\"66b544825867ba071c85469d\",\"secret\":\"mdb_sa_sk_partial";
                    s.getOutputStream()
                            .write(
                                    ("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
                                                    + partial)
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    s.getOutputStream().flush();
                } catch (java.io.IOException ignored) {
                    // the test reads what the client made of it
                }
            });
            answer.start();
            assertThatThrownBy(() -> direct.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(AtlasResponseException.class, e -> {
                        assertThat(e.status()).isEqualTo(201);
                        assertThat(e.rawBody()).contains("mdb_sa_sk_partial");
                        assertThat(e.getMessage()).contains("cut short");
                    });
            answer.join(5000);
        }
    }
}
