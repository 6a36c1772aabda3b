package io.github.atlascredentials.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-process usage shown in docs/5-emulator.md; the guide copies the marked regions. */
class InProcessUsageExampleTest {
    // snippet:start junit-lifecycle
    static AtlasEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = AtlasEmulator.builder()
                .port(0) // any free port
                .tokenRateLimitPerMinute(1000) // tests may ask for many tokens
                .start(); // returns once it is listening
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void backToTheSeed() {
        emulator.reset(); // forget secrets, keys and tokens made by other tests
    }
    // snippet:end junit-lifecycle

    @Test
    void tokenExpiresWhenTheClockIsAdvanced() throws Exception {
        // snippet:start junit-token
        HttpClient http = HttpClient.newHttpClient();
        URI tokenUri = emulator.baseUri().resolve("/api/oauth/token");
        String basic = Base64.getEncoder()
                .encodeToString((AtlasEmulator.DEMO_CLIENT_ID + ":" + AtlasEmulator.DEMO_CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(tokenUri)
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);

        emulator.clock().advance(Duration.ofHours(1)); // the token has expired now, without waiting
        // snippet:end junit-token

        String accessToken =
                TestHttp.JSON.readTree(token.body()).get("access_token").asText();
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(emulator.baseUri()
                                .resolve("/api/atlas/v2/orgs/" + AtlasEmulator.DEMO_ORG_ID + "/serviceAccounts/"
                                        + AtlasEmulator.DEMO_TARGET_CLIENT_ID + "/secrets"))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Type", "application/vnd.atlas.2024-08-05+json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"secretExpiresAfterHours\": 8}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
    }
}
