package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.emulator.seed.SeedDocument;
import io.github.atlascredentials.emulator.seed.SeedParser;
import io.github.atlascredentials.emulator.state.SecretCreations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder's checks and choices, and what close() releases. */
class EmulatorLifecycleTest {

    @Test
    void theVersionIsTheBuildsOwn() {
        assertThat(AtlasEmulator.version())
                .as("from emulator.properties, filtered by the build")
                .matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void portRangeIncludesBothEnds() {
        AtlasEmulator.builder().port(0).port(65535);
        assertThatThrownBy(() -> AtlasEmulator.builder().port(65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be 0..65535");
        assertThatThrownBy(() -> AtlasEmulator.builder().port(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastSeedGivenWinsAndReplacesTheDemo() {
        SeedDocument empty = SeedParser.parse("empty.json", "{\"organizations\": []}".getBytes(StandardCharsets.UTF_8));
        try (AtlasEmulator emulator = AtlasEmulator.builder()
                .seed(Path.of("no-such-seed.json"))
                .seed(empty)
                .port(0)
                .start()) {
            TestHttp http = new TestHttp(emulator.baseUri());
            assertThat(http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials")
                            .status())
                    .as("no demo account")
                    .isEqualTo(401);
        }
    }

    @Test
    void resetForgetsIssuedTokensSoTheyNoLongerCountAgainstTheCap() {
        try (AtlasEmulator emulator = AtlasEmulator.builder()
                .port(0)
                .maxActiveTokensPerAccount(1)
                .tokenRateLimitPerMinute(100)
                .start()) {
            TestHttp http = new TestHttp(emulator.baseUri());
            assertThat(http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials")
                            .status())
                    .isEqualTo(200);
            assertThat(http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials")
                            .status())
                    .as("the cap of 1 active token")
                    .isNotEqualTo(200);
            emulator.reset();
            assertThat(http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aHoldHoldsNothingUntilACreationArrivesAndResetReleasesIt() throws Exception {
        try (AtlasEmulator emulator = AtlasEmulator.builder().port(0).start()) {
            SecretCreations.Hold hold = emulator.holdSecretCreations(AtlasEmulator.DEMO_TARGET_CLIENT_ID);
            assertThat(hold.isHeld()).isFalse();
            assertThat(hold.awaitHeld(Duration.ofMillis(1)))
                    .as("no creation has arrived")
                    .isFalse();
            emulator.reset();
            TestHttp http = new TestHttp(emulator.baseUri());
            String token = http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
            TestHttp.Answer created = http.post(
                    EmulatorBehaviourTest.ORG_SECRETS,
                    "{\"secretExpiresAfterHours\": 8}",
                    "Authorization",
                    "Bearer " + token,
                    "Content-Type",
                    EmulatorBehaviourTest.ATLAS);
            assertThat(created.status())
                    .as("released by the reset: the creation goes through")
                    .isEqualTo(201);
        }
    }

    @Test
    void closeStopsListening() throws Exception {
        AtlasEmulator emulator = AtlasEmulator.builder().port(0).start();
        int port = emulator.port();
        try (Socket open = new Socket("127.0.0.1", port)) {
            assertThat(open.isConnected()).isTrue();
        }
        emulator.close();
        // Grizzly closes the server socket on its selector thread: allow it a moment, never more than 5 s.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (accepts(port) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket("127.0.0.1", port)) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
