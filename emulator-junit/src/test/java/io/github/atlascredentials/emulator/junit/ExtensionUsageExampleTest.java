package io.github.atlascredentials.emulator.junit;

// snippet:start junit-extension
import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.emulator.AtlasEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionUsageExampleTest {

    // One emulator for this class on a free port of 127.0.0.1, back to the demo seed before each test.
    @RegisterExtension
    static AtlasEmulatorExtension emulator =
            AtlasEmulatorExtension.configured(builder -> builder.tokenRateLimitPerMinute(1000));

    @Test
    void tokenExpiresWhenTheClockIsAdvanced(URI baseUri, DemoCredentials demo, AtlasEmulator handle) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = Base64.getEncoder()
                .encodeToString((demo.clientId() + ":" + demo.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(baseUri.resolve("/api/oauth/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);

        handle.clock().advance(Duration.ofHours(1)); // the token has expired now, without waiting
    }
}
// snippet:end junit-extension
