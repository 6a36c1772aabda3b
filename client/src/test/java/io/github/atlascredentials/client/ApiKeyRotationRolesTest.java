package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import io.github.atlascredentials.client.support.TestAtlasServer.Scripted;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a key read back may hold project roles and roles this client does not know; a rotation cannot give
 * them to the new key, so it refuses before creating anything instead of making a key with less access.
 */
class ApiKeyRotationRolesTest {
    private static final String OLD_KEY_ID = "5d1113b25a115342acc2d1aa";
    private TestAtlasServer server;
    private AtlasCredentialsClient client;

    @BeforeEach
    void start() throws Exception {
        server = new TestAtlasServer().auth(TestAtlasServer.Auth.NONE);
        client = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(ApiKeyCredential.of(PUBLIC_KEY, PRIVATE_KEY))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static String oldKey(String extraRole) {
        return "{\"id\":\"" + OLD_KEY_ID + "\",\"desc\":\"deploy\",\"publicKey\":\"abcdefgh\","
                + "\"privateKey\":\"********-****-****-db2c132ca78d\",\"roles\":[{\"orgId\":\"" + ORG_ID
                + "\",\"roleName\":\"ORG_MEMBER\"}," + extraRole + "],\"links\":[]}";
    }

    @Test
    void aKeyWithAProjectRoleIsNotRotated() {
        server.enqueue(Scripted.json(
                200, oldKey("{\"groupId\":\"" + GROUP_ID + "\",\"roleName\":\"GROUP_OWNER\"}"), Map.of()));

        assertThatThrownBy(() -> ApiKeyRotation.ofAtlasOrgApiKey(client, ORG_ID, OLD_KEY_ID)
                        .build()
                        .start())
                .isInstanceOf(RotationException.class)
                .hasMessageContaining("GROUP_OWNER on project " + GROUP_ID)
                .hasMessageContaining("Nothing was created");
        assertThat(server.requests().stream().filter(RecordedRequest::isApiRequest))
                .extracting(RecordedRequest::method)
                .containsExactly("GET");
    }

    @Test
    void aKeyWithAnOrganizationRoleThisClientDoesNotKnowIsNotRotated() {
        server.enqueue(Scripted.json(
                200, oldKey("{\"orgId\":\"" + ORG_ID + "\",\"roleName\":\"ORG_ROLE_ADDED_LATER\"}"), Map.of()));

        assertThatThrownBy(() -> ApiKeyRotation.ofAtlasOrgApiKey(client, ORG_ID, OLD_KEY_ID)
                        .build()
                        .start())
                .isInstanceOf(RotationException.class)
                .hasMessageContaining("ORG_ROLE_ADDED_LATER");
        assertThat(server.requests().stream().filter(RecordedRequest::isApiRequest))
                .hasSize(1);
    }
}
