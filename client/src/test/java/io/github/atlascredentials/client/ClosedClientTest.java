package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.support.TestAtlasServer;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation of a closed client fails at once with AtlasClientClosedException and sends nothing. */
class ClosedClientTest {
    private static final String SECRET_ID = "6b9c4e2f1a3d5c7e9f0a1b2c";
    private static final String API_USER_ID = "5c7e9f0a1b2c6b9c4e2f1a3d";
    private TestAtlasServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestAtlasServer().auth(TestAtlasServer.Auth.BEARER).serviceAccount(CLIENT_ID, CLIENT_SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyOperationOfAClosedClientIsRefusedLocally() {
        AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                .build();
        client.close();
        client.close(); // a second close is harmless
        ServiceAccountCredential other = ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET);
        List<OrgRoleName> roles = List.of(OrgRoleName.ORG_MEMBER);
        Map<String, ThrowingCallable> calls = Map.ofEntries(
                Map.entry(
                        "createOrgServiceAccountSecret",
                        () -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24)),
                Map.entry(
                        "createGroupServiceAccountSecret",
                        () -> client.createGroupServiceAccountSecret(GROUP_ID, CLIENT_ID, 24)),
                Map.entry(
                        "createCloudManagerServiceAccountSecret",
                        () -> client.createCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, 24)),
                Map.entry("createOrgApiKey", () -> client.createOrgApiKey(ORG_ID, "d", roles)),
                Map.entry("createAtlasOrgApiKey", () -> client.createAtlasOrgApiKey(ORG_ID, "d", roles)),
                Map.entry(
                        "deleteOrgServiceAccountSecret",
                        () -> client.deleteOrgServiceAccountSecret(ORG_ID, CLIENT_ID, SECRET_ID)),
                Map.entry(
                        "deleteGroupServiceAccountSecret",
                        () -> client.deleteGroupServiceAccountSecret(GROUP_ID, CLIENT_ID, SECRET_ID)),
                Map.entry(
                        "deleteCloudManagerServiceAccountSecret",
                        () -> client.deleteCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, SECRET_ID)),
                Map.entry("getOrgServiceAccount", () -> client.getOrgServiceAccount(ORG_ID, CLIENT_ID)),
                Map.entry("getGroupServiceAccount", () -> client.getGroupServiceAccount(GROUP_ID, CLIENT_ID)),
                Map.entry(
                        "getCloudManagerServiceAccount", () -> client.getCloudManagerServiceAccount(ORG_ID, CLIENT_ID)),
                Map.entry(
                        "listOrgServiceAccounts", () -> client.listOrgServiceAccounts(ORG_ID, PageRequest.of(1, 100))),
                Map.entry("listOrgApiKeys", () -> client.listOrgApiKeys(ORG_ID, PageRequest.of(1, 100))),
                Map.entry("getOrgApiKey", () -> client.getOrgApiKey(ORG_ID, API_USER_ID)),
                Map.entry("deleteOrgApiKey", () -> client.deleteOrgApiKey(ORG_ID, API_USER_ID)),
                Map.entry(
                        "listCloudManagerOrgApiKeys",
                        () -> client.listCloudManagerOrgApiKeys(ORG_ID, PageRequest.of(1, 100))),
                Map.entry("getCloudManagerOrgApiKey", () -> client.getCloudManagerOrgApiKey(ORG_ID, API_USER_ID)),
                Map.entry("deleteCloudManagerOrgApiKey", () -> client.deleteCloudManagerOrgApiKey(ORG_ID, API_USER_ID)),
                Map.entry("requestAccessToken", () -> client.requestAccessToken(other)),
                Map.entry("revokeAccessToken", () -> client.revokeAccessToken(other, "eyJabc")));
        calls.forEach((name, call) -> assertThatThrownBy(call).as(name).isInstanceOf(AtlasClientClosedException.class));
        assertThat(server.requests()).isEmpty();
    }
}
