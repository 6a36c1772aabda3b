package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.generated.model.PaginatedServiceAccounts;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import io.github.atlascredentials.client.support.TestAtlasServer.Scripted;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact request each operation sends: method, path, headers, body. */
class RequestShapeTest {
    private static final String UA =
            "^atlas-credentials-client/" + java.util.regex.Pattern.quote(System.getProperty("build.version"))
                    + " \\([^;]+; [^)]+\\) java/[0-9][^ ]* rotator/7$";

    private TestAtlasServer server;
    private AtlasCredentialsClient client;

    @BeforeEach
    void start() throws Exception {
        server = new TestAtlasServer().auth(TestAtlasServer.Auth.BEARER).serviceAccount(CLIENT_ID, CLIENT_SECRET);
        client = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                .userAgentSuffix("rotator/7")
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private RecordedRequest onlyApiRequest() {
        List<RecordedRequest> api =
                server.requests().stream().filter(RecordedRequest::isApiRequest).toList();
        assertThat(api).hasSize(1);
        return api.get(0);
    }

    private static void assertBearer(RecordedRequest request) {
        assertThat(request.header("Authorization")).matches("^Bearer eyJ[A-Za-z0-9_-]+$");
        assertThat(request.header("User-Agent")).matches(UA);
    }

    @Test
    void orgSecretSendsVersionedMediaTypes() {
        ServiceAccountSecret secret = client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);

        RecordedRequest r = onlyApiRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/atlas/v2/orgs/" + ORG_ID + "/serviceAccounts/" + CLIENT_ID + "/secrets");
        assertThat(r.query()).isNull();
        assertThat(r.header("Accept")).isEqualTo(TestAtlasServer.ATLAS_TYPE);
        assertThat(r.header("Content-Type")).isEqualTo(TestAtlasServer.ATLAS_TYPE);
        assertThat(r.body()).isEqualTo("{\"secretExpiresAfterHours\":24}");
        assertBearer(r);
        assertThat(secret.getSecret()).startsWith("mdb_sa_sk_").hasSize(50);
        assertThat(secret.getCreatedAt()).isNotNull();
    }

    @Test
    void groupSecretUsesGroupsPath() {
        ServiceAccountSecret secret = client.createGroupServiceAccountSecret(GROUP_ID, CLIENT_ID, 8);

        RecordedRequest r = onlyApiRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path())
                .isEqualTo("/api/atlas/v2/groups/" + GROUP_ID + "/serviceAccounts/" + CLIENT_ID + "/secrets");
        assertThat(r.header("Accept")).isEqualTo(TestAtlasServer.ATLAS_TYPE);
        assertThat(r.header("Content-Type")).isEqualTo(TestAtlasServer.ATLAS_TYPE);
        assertThat(r.body()).isEqualTo("{\"secretExpiresAfterHours\":8}");
        assertBearer(r);
        assertThat(secret.getSecret()).startsWith("mdb_sa_sk_").hasSize(50);
    }

    @Test
    void cloudManagerSecretKeepsTrailingSlashAndSendsHoursAsDocumentedString() {
        ServiceAccountSecret secret = client.createCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, 3600);

        RecordedRequest r = onlyApiRequest();
        assertThat(r.path())
                .isEqualTo("/api/public/v1.0/orgs/" + ORG_ID + "/serviceAccounts/" + CLIENT_ID + "/secrets/");
        assertThat(r.header("Accept")).isEqualTo("application/json");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"secretExpiresAfterHours\":\"3600\"}");
        assertBearer(r);
        assertThat(secret.getSecret()).startsWith("mdb_sa_sk_");
    }

    @Test
    void apiKeyAnswers200AndIsRead() {
        ApiKey key = client.createOrgApiKey(
                ORG_ID, "rotation bot", List.of(OrgRoleName.ORG_MEMBER, OrgRoleName.ORG_BILLING_ADMIN));

        RecordedRequest r = onlyApiRequest();
        assertThat(r.path()).isEqualTo("/api/public/v1.0/orgs/" + ORG_ID + "/apiKeys");
        assertThat(r.header("Accept")).isEqualTo("application/json");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"desc\":\"rotation bot\",\"roles\":[\"ORG_MEMBER\",\"ORG_BILLING_ADMIN\"]}");
        assertBearer(r);
        assertThat(key.getPrivateKey()).hasSize(36);
        assertThat(key.getRoles()).hasSize(1);
    }

    @Test
    void tokenRequestIsBasicAuthFormPost() {
        client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);

        RecordedRequest token = server.requests().stream()
                .filter(RecordedRequest::isTokenRequest)
                .findFirst()
                .orElseThrow();
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(token.header("Accept")).isEqualTo("application/json");
        assertThat(token.body()).isEqualTo("grant_type=client_credentials");
        assertThat(token.header("Authorization"))
                .isEqualTo("Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(token.header("User-Agent")).matches(UA);
    }

    @Test
    void envelopeIsUnwrappedTransparently() {
        try (AtlasCredentialsClient enveloped = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                .envelope(true)
                .build()) {
            ServiceAccountSecret secret = enveloped.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            ApiKey key = enveloped.createOrgApiKey(ORG_ID, "x", List.of(OrgRoleName.ORG_OWNER));

            assertThat(secret.getSecret()).startsWith("mdb_sa_sk_");
            assertThat(key.getPublicKey()).isEqualTo("abcdefgh");
            assertThat(server.requests().stream().filter(RecordedRequest::isApiRequest))
                    .allSatisfy(r -> assertThat(r.query()).isEqualTo("envelope=true"));
        }
    }

    /** Issue 22, official spec: secretId is a string without a pattern; any shape is sent, and the service says 404. */
    @Test
    void aSecretIdOfAnyShapeIsSentAndTheServiceAnswers() {
        server.enqueue(Scripted.json(
                404, "{\"error\":404,\"errorCode\":\"RESOURCE_NOT_FOUND\",\"reason\":\"Not Found\"}", Map.of()));
        assertThatThrownBy(() -> client.deleteOrgServiceAccountSecret(ORG_ID, CLIENT_ID, "not-a-hex-id"))
                .isInstanceOfSatisfying(AtlasApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).contains("RESOURCE_NOT_FOUND");
                });
        RecordedRequest r = onlyApiRequest();
        assertThat(r.method()).isEqualTo("DELETE");
        assertThat(r.path())
                .isEqualTo("/api/atlas/v2/orgs/" + ORG_ID + "/serviceAccounts/" + CLIENT_ID + "/secrets/not-a-hex-id");
    }

    /**
     * Issue 25: the generated list calls take their page arguments in two orders; each list sends the page number
     * as pageNum and the size as itemsPerPage (a swap in the client would show here).
     */
    @Test
    void everyListSendsThePageNumberAndSizeUnderTheirOwnNames() {
        String page = "{\"links\":[],\"results\":[],\"totalCount\":0}";
        for (int i = 0; i < 3; i++) {
            server.enqueue(Scripted.json(200, page, Map.of()));
        }
        PageRequest third = PageRequest.of(3, 7);

        client.listOrgServiceAccounts(ORG_ID, third);
        client.listOrgApiKeys(ORG_ID, third);
        client.listCloudManagerOrgApiKeys(ORG_ID, third);

        assertThat(server.requests().stream()
                        .filter(RecordedRequest::isApiRequest)
                        .toList())
                .hasSize(3)
                .allSatisfy(
                        r -> assertThat(r.query().split("&")).containsExactlyInAnyOrder("pageNum=3", "itemsPerPage=7"));
    }

    /** Issue 22: envelope=true on reads, lists and deletes; a page is its own envelope, a 204 is {"status": 204}. */
    @Test
    void envelopeIsUnwrappedOnListsAndDeletes() {
        try (AtlasCredentialsClient enveloped = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                .envelope(true)
                .build()) {
            server.enqueue(
                    Scripted.json(200, "{\"links\":[],\"results\":[],\"totalCount\":0,\"status\":200}", Map.of()));
            server.enqueue(Scripted.json(200, "{\"status\":204}", Map.of()));
            server.enqueue(Scripted.json(
                    200,
                    "{\"status\":404,\"content\":{\"error\":404,\"errorCode\":\"RESOURCE_NOT_FOUND\"}}",
                    Map.of()));

            PaginatedServiceAccounts page = enveloped.listOrgServiceAccounts(ORG_ID, PageRequest.defaults());
            enveloped.deleteOrgApiKey(ORG_ID, "5d1113b25a115342acc2d1aa");
            assertThatThrownBy(() -> enveloped.getOrgApiKey(ORG_ID, "5d1113b25a115342acc2d1aa"))
                    .isInstanceOfSatisfying(
                            AtlasApiException.class, e -> assertThat(e.status()).isEqualTo(404));

            assertThat(page.getTotalCount()).isZero();
            assertThat(page.getStatus())
                    .as("the envelope's status is taken off the page")
                    .isNull();
            assertThat(server.requests().stream().filter(RecordedRequest::isApiRequest))
                    .hasSize(3)
                    .allSatisfy(r -> assertThat(r.query()).isEqualTo("envelope=true"));
        }
    }
}
