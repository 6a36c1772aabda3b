package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledged writes survive a real kill -9 of the emulator process. */
class DurabilityTest {

    @Test
    void acknowledgedSecretAndApiKeySurviveKill9(@TempDir Path dataDir) throws Exception {
        Process first = startChild(dataDir);
        String secret;
        String publicKey;
        String privateKey;
        try {
            TestHttp http = new TestHttp(listeningUri(first));
            String token = http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
            TestHttp.Answer created = http.post(
                    "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets",
                    "{\"secretExpiresAfterHours\": 8}",
                    "Authorization",
                    "Bearer " + token,
                    "Content-Type",
                    EmulatorBehaviourTest.ATLAS);
            assertThat(created.status()).isEqualTo(201);
            secret = created.json().get("secret").asText();
            TestHttp.Answer key = http.new Digest(DEMO_PUBLIC_KEY, DEMO_PRIVATE_KEY)
                    .post(
                            EmulatorBehaviourTest.API_KEYS,
                            "{\"desc\":\"durable\",\"roles\":[\"ORG_OWNER\"]}",
                            "Content-Type",
                            "application/json");
            assertThat(key.status()).isEqualTo(200);
            publicKey = key.json().get("publicKey").asText();
            privateKey = key.json().get("privateKey").asText();
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        Process second = startChild(dataDir);
        try {
            TestHttp http = new TestHttp(listeningUri(second));
            assertThat(http.token(DEMO_TARGET_CLIENT_ID, secret)).isNotBlank();
            TestHttp.Answer withNewKey = http.new Digest(publicKey, privateKey)
                    .post(
                            EmulatorBehaviourTest.API_KEYS,
                            "{\"desc\":\"after restart\",\"roles\":[\"ORG_MEMBER\"]}",
                            "Content-Type",
                            "application/json");
            assertThat(withNewKey.status()).isEqualTo(200);
        } finally {
            second.destroy(); // SIGTERM: the shutdown hook closes cleanly
            assertThat(second.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Process startChild(Path dataDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmulatorMain.class.getName(),
                        "--port",
                        "0",
                        "--data-dir",
                        dataDir.toString()))
                .redirectErrorStream(true)
                .start();
    }

    private static URI listeningUri(Process process) throws Exception {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            if (line.startsWith("Listening on ")) {
                Thread drain = new Thread(() -> reader.lines().forEach(l -> {}));
                drain.setDaemon(true);
                drain.start();
                return URI.create(line.substring("Listening on ".length()));
            }
        }
        throw new AssertionError("the emulator did not start");
    }
}
