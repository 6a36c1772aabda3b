package io.github.atlascredentials.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.atlascredentials.emulator.AtlasEmulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small test classes that use the extension through JUnit's own engine (EngineTestKit), so that
 * what happens between and after classes can be checked: a port per class, classes in parallel,
 * resets between tests, stops after the class, injected parameters, and the shared mode.
 */
class AtlasEmulatorExtensionTest {

    /** What the inner test classes saw, keyed by class name. */
    static final Map<String, List<URI>> SEEN = new ConcurrentHashMap<>();

    static final List<AtlasEmulator> STARTED = new CopyOnWriteArrayList<>();
    static volatile CountDownLatch bothRunning;

    @Test
    void parallelClassesEachGetTheirOwnEmulatorOnARandomPortStoppedAfterTheClass() {
        SEEN.clear();
        STARTED.clear();
        bothRunning = new CountDownLatch(2);
        Events tests = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .selectors(selectClass(FirstClass.class), selectClass(SecondClass.class))
                .execute()
                .testEvents();
        tests.assertStatistics(stats -> stats.started(4).succeeded(4));

        Set<URI> first = Set.copyOf(SEEN.get(FirstClass.class.getName()));
        Set<URI> second = Set.copyOf(SEEN.get(SecondClass.class.getName()));
        assertThat(first).hasSize(1); // one emulator for both tests of a class
        assertThat(second).hasSize(1);
        assertThat(first).doesNotContainAnyElementsOf(second);
        assertThat(STARTED)
                .hasSize(4)
                .allSatisfy(emulator -> assertThat(listening(emulator.port()))
                        .as("stopped after its class")
                        .isFalse());
    }

    @Test
    void sharedModeStartsOneEmulatorForAllClassesAndStopsItAtTheEnd() {
        SEEN.clear();
        STARTED.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SharedOne.class), selectClass(SharedTwo.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(SEEN.values().stream().flatMap(List::stream).distinct()).hasSize(1);
        assertThat(listening(STARTED.get(0).port())).isFalse();
    }

    @Test
    void configuredSettingsReachTheBuilder() {
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Configured.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void demoCredentialsMaskTheirSecrets() {
        DemoCredentials demo = DemoCredentials.demo();
        assertThat(demo.toString())
                .doesNotContain(demo.clientSecret())
                .doesNotContain(demo.privateKey())
                .contains(demo.clientId(), demo.orgId());
    }

    @Test
    void aStringParameterNeedsTheAnnotation() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(PlainString.class))
                .execute()
                .testEvents();
        tests.assertStatistics(stats -> stats.started(1).failed(1));
    }

    // --- the test classes run by the engine above; skipped when surefire runs this file itself ---

    /** Two tests: the second sees none of what the first made (reset), on the same emulator. */
    @ExtendWith(AtlasEmulatorExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class ResetCheck {
        @Test
        @Order(1)
        void first(AtlasEmulator emulator, URI baseUri, DemoCredentials demo) throws Exception {
            record(emulator, baseUri);
            assertThat(createSecret(baseUri, demo)).isEqualTo(201);
            assertThat(createSecret(baseUri, demo)).isEqualTo(201); // two of the two allowed
            awaitTheOtherClass();
        }

        @Test
        @Order(2)
        void second(AtlasEmulator emulator, @EmulatorBaseUrl String baseUrl, DemoCredentials demo) throws Exception {
            URI baseUri = URI.create(baseUrl);
            record(emulator, baseUri);
            assertThat(createSecret(baseUri, demo))
                    .as("reset: the two secrets of the first test are gone")
                    .isEqualTo(201);
        }

        private void record(AtlasEmulator emulator, URI baseUri) {
            assertThat(emulator.baseUri()).isEqualTo(baseUri);
            assertThat(baseUri.getHost()).isEqualTo("127.0.0.1");
            SEEN.computeIfAbsent(getClass().getName(), k -> new CopyOnWriteArrayList<>())
                    .add(baseUri);
            STARTED.add(emulator);
        }
    }

    static void awaitTheOtherClass() throws InterruptedException {
        CountDownLatch latch = bothRunning;
        if (latch != null) {
            latch.countDown();
            assertThat(latch.await(30, TimeUnit.SECONDS))
                    .as("both classes run at the same time")
                    .isTrue();
        }
    }

    static class FirstClass extends ResetCheck {}

    static class SecondClass extends ResetCheck {}

    static class SharedOne {
        @RegisterExtension
        static AtlasEmulatorExtension emulator = new AtlasEmulatorExtension().shared();

        @Test
        void one(URI baseUri, AtlasEmulator handle) {
            SEEN.computeIfAbsent("shared", k -> new CopyOnWriteArrayList<>()).add(baseUri);
            STARTED.add(handle);
        }
    }

    static class SharedTwo {
        @RegisterExtension
        static AtlasEmulatorExtension emulator = new AtlasEmulatorExtension().shared();

        @Test
        void two(URI baseUri) {
            SEEN.computeIfAbsent("shared", k -> new CopyOnWriteArrayList<>()).add(baseUri);
        }
    }

    static class Configured {
        @RegisterExtension
        static AtlasEmulatorExtension emulator = AtlasEmulatorExtension.configured(b -> b.maxSecretsPerAccount(3));

        @Test
        void aThirdSecretIsAllowed(URI baseUri, DemoCredentials demo) throws Exception {
            for (int i = 0; i < 3; i++) {
                assertThat(createSecret(baseUri, demo)).isEqualTo(201);
            }
        }
    }

    @ExtendWith(AtlasEmulatorExtension.class)
    static class PlainString {
        @Test
        void notResolved(String baseUrl) {}
    }

    // --- HTTP helpers: an access token, then a secret for the demo target account ---

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static int createSecret(URI baseUri, DemoCredentials demo) throws IOException, InterruptedException {
        String basic = Base64.getEncoder()
                .encodeToString((demo.clientId() + ":" + demo.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = HTTP.send(
                HttpRequest.newBuilder(baseUri.resolve("/api/oauth/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String accessToken = token.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        URI secrets = baseUri.resolve(
                "/api/atlas/v2/orgs/" + demo.orgId() + "/serviceAccounts/" + demo.targetClientId() + "/secrets");
        return HTTP.send(
                        HttpRequest.newBuilder(secrets)
                                .header("Authorization", "Bearer " + accessToken)
                                .header("Accept", "application/vnd.atlas.2024-08-05+json")
                                .header("Content-Type", "application/vnd.atlas.2024-08-05+json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"secretExpiresAfterHours\":24}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
