package io.github.atlascredentials.contract.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The emulator's state-change URL called as a Pact verifier calls it: {@code POST
 * /_emulator/pact/provider-states} with {@code {"state", "params", "action": "setup"}}. Nothing else: no
 * seed, no credential of our own.
 */
final class ProviderStateUrl {
    static final String PATH = "/_emulator/pact/provider-states";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // HTTP/2 upgrade requests hide POST bodies from Grizzly
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ProviderStateUrl(URI emulator) {
        this.url = emulator.resolve(PATH);
    }

    void setUp(String state, Map<String, Object> params) {
        ObjectNode body = JSON.createObjectNode().put("state", state).put("action", "setup");
        body.set("params", JSON.valueToTree(params == null ? Map.of() : params));
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(url)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        "state \"" + state + "\": HTTP " + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("state \"" + state + "\": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
