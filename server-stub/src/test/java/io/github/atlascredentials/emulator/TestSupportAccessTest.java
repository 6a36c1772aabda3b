package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.atlascredentials.emulator.admin.AdminToken;
import io.github.atlascredentials.emulator.admin.LoopbackRule;
import io.github.atlascredentials.emulator.admin.TestSupportAccess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may use /_emulator/* over HTTP (guide 5): open on 127.0.0.1 and ::1, behind the admin token on
 * any other address (127.0.0.2 stands for "another machine") or when a token is configured, absent
 * with --no-test-support. Token values never reach an assertion message.
 */
class TestSupportAccessTest {
    static final String OFF_LOOPBACK = "127.0.0.2";
    static final String NEW_ORG = "aaaaaaaaaaaaaaaaaaaaaaa1";
    static final String NEW_CLIENT = "mdb_sa_id_aaaaaaaaaaaaaaaaaaaaaaa1";
    static final String NEW_SECRET = "mdb_sa_sk_" + "A".repeat(40);
    static final String SEED = "{\"organizations\":[{\"id\":\"" + NEW_ORG + "\",\"serviceAccounts\":[{\"clientId\":\""
            + NEW_CLIENT + "\",\"roles\":[\"ORG_OWNER\"],\"secrets\":[{\"secret\":\"" + NEW_SECRET
            + "\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}]}]}]}";

    @BeforeAll
    static void secondLoopbackAddressIsBindable() {
        assumeTrue(
                canBind(OFF_LOOPBACK),
                "this machine cannot bind " + OFF_LOOPBACK + " (Linux can; macOS needs an alias)");
    }

    @Test
    void onlyExactly127001AndIpv6LoopbackCountAsLoopback() {
        for (String loopback : List.of("127.0.0.1", "::1", "[::1]", "0:0:0:0:0:0:0:1")) {
            assertThat(LoopbackRule.isLoopback(loopback)).as(loopback).isTrue();
        }
        for (String other : List.of("0.0.0.0", "::", "127.0.0.2", "localhost", "10.1.2.3", "emulator")) {
            assertThat(LoopbackRule.isLoopback(other)).as(other).isFalse();
        }
        assertThat(TestSupportAccess.decide(true, "127.0.0.1", false)).isEqualTo(TestSupportAccess.OPEN);
        assertThat(TestSupportAccess.decide(true, "127.0.0.1", true)).isEqualTo(TestSupportAccess.ADMIN_TOKEN);
        assertThat(TestSupportAccess.decide(true, "0.0.0.0", false)).isEqualTo(TestSupportAccess.ADMIN_TOKEN);
        assertThat(TestSupportAccess.decide(false, "0.0.0.0", true)).isEqualTo(TestSupportAccess.DISABLED);
    }

    @Test
    void boundToLoopbackWithoutATokenTheEndpointsAreOpen() {
        try (AtlasEmulator emulator =
                AtlasEmulator.builder().port(0).bind("127.0.0.1").start()) {
            TestHttp http = new TestHttp(emulator.baseUri());
            assertThat(emulator.testSupportAccess()).isEqualTo(TestSupportAccess.OPEN);
            assertThat(http.send("GET", "/_emulator/health", null).json().toString())
                    .isEqualTo("{\"status\":\"UP\",\"persistent\":false}");
            assertThat(http.post("/_emulator/seed", SEED).status()).isEqualTo(200);
            assertThat(http.tokenRequest(NEW_CLIENT, NEW_SECRET, "grant_type=client_credentials")
                            .status())
                    .isEqualTo(200);
            assertThat(http.post("/_emulator/clock/advance?seconds=60", "").status())
                    .isEqualTo(200);
            assertThat(emulator.clock().offset()).isEqualTo(Duration.ofSeconds(60));
            assertThat(http.post("/_emulator/reset", "").status()).isEqualTo(200);
        }
    }

    @Test
    void offLoopbackEveryEndpointButHealthRefusesAMissingOrWrongTokenAndNothingChanges() {
        String token = AdminToken.randomValue();
        // 12 wrong admin tokens: more than the default 10 a minute the wrong-token limit shares with the token
        // endpoint.
        try (AtlasEmulator emulator = AtlasEmulator.builder()
                .port(0)
                .bind(OFF_LOOPBACK)
                .adminToken(token)
                .tokenRateLimitPerMinute(100)
                .start()) {
            TestHttp http = new TestHttp(emulator.baseUri());
            String created = http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
            for (String[] auth : List.of(
                    new String[0],
                    new String[] {"Authorization", "Bearer wrong-token-of-some-length"},
                    new String[] {"Authorization", "Basic " + token},
                    new String[] {"Authorization", token})) {
                assertUnauthorized(http.post("/_emulator/seed", SEED, auth));
                assertUnauthorized(http.post("/_emulator/reset", "", auth));
                assertUnauthorized(http.post("/_emulator/clock/advance?seconds=86400", "", auth));
                assertUnauthorized(http.send("GET", "/_emulator/clock", null, auth));
            }
            assertThat(emulator.clock().offset()).as("the clock did not move").isEqualTo(Duration.ZERO);
            assertThat(http.tokenRequest(NEW_CLIENT, NEW_SECRET, "grant_type=client_credentials")
                            .status())
                    .as("the seed was not loaded")
                    .isEqualTo(401);
            assertThat(http.post(
                                    EmulatorBehaviourTest.ORG_SECRETS,
                                    "{\"secretExpiresAfterHours\": 8}",
                                    "Authorization",
                                    "Bearer " + created,
                                    "Content-Type",
                                    EmulatorBehaviourTest.ATLAS)
                            .status())
                    .as("no reset happened: the token issued before still works")
                    .isEqualTo(201);
        }
    }

    @Test
    void offLoopbackTheRightTokenOpensEveryEndpoint() {
        String token = AdminToken.randomValue();
        try (AtlasEmulator emulator = AtlasEmulator.builder()
                .port(0)
                .bind(OFF_LOOPBACK)
                .adminToken(token)
                .start()) {
            TestHttp http = new TestHttp(emulator.baseUri());
            assertThat(emulator.baseUri().getHost()).isEqualTo(OFF_LOOPBACK);
            String[] auth = {"Authorization", "Bearer " + token};
            assertThat(http.post("/_emulator/seed", SEED, auth).status()).isEqualTo(200);
            assertThat(http.tokenRequest(NEW_CLIENT, NEW_SECRET, "grant_type=client_credentials")
                            .status())
                    .isEqualTo(200);
            assertThat(http.post("/_emulator/clock/advance?seconds=60", "", "authorization", "bearer  " + token)
                            .status())
                    .as("scheme and header name are case-insensitive")
                    .isEqualTo(200);
            assertThat(http.send("GET", "/_emulator/clock", null, auth)
                            .json()
                            .get("offsetSeconds")
                            .asLong())
                    .isEqualTo(60);
            assertThat(http.post("/_emulator/reset", "", auth).status()).isEqualTo(200);
            assertThat(http.tokenRequest(NEW_CLIENT, NEW_SECRET, "grant_type=client_credentials")
                            .status())
                    .as("the reset forgot the seeded organization")
                    .isEqualTo(401);
        }
    }

    @Test
    void offLoopbackHealthStaysOpenAndSaysOnlyUp() {
        String token = AdminToken.randomValue();
        try (AtlasEmulator emulator = AtlasEmulator.builder()
                .port(0)
                .bind(OFF_LOOPBACK)
                .adminToken(token)
                .start()) {
            TestHttp http = new TestHttp(emulator.baseUri());
            for (String[] auth : List.of(
                    new String[0],
                    new String[] {"Authorization", "Bearer wrong-token-of-some-length"},
                    new String[] {"Authorization", "Bearer " + token})) {
                TestHttp.Answer health = http.send("GET", "/_emulator/health", null, auth);
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.json().toString()).isEqualTo("{\"status\":\"UP\"}");
            }
        }
    }

    @Test
    void pathsSpelledDifferentlyDoNotSlipPastTheGuard() {
        try (AtlasEmulator emulator = AtlasEmulator.builder()
                .port(0)
                .bind(OFF_LOOPBACK)
                .adminToken(AdminToken.randomValue())
                .start()) {
            for (String path : List.of(
                    "/_emulator/reset/",
                    "//_emulator/reset",
                    "/_emulator//clock/advance?seconds=60",
                    "/%5Femulator/clock/advance?seconds=60",
                    "/_emulator;x=1/clock/advance?seconds=60",
                    "/_EMULATOR/clock/advance?seconds=60",
                    "/_emulator/health/../clock/advance?seconds=60",
                    "/_emulator/nothing")) {
                assertThat(rawPostStatus(emulator.baseUri(), path)).as(path).isIn(401, 404);
            }
            assertThat(emulator.clock().offset()).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void wrongTokensAreRateLimitedLikeTheTokenEndpointAndTheLimitHoldsForTheRightTokenToo() {
        String token = AdminToken.randomValue();
        try (AtlasEmulator emulator = AtlasEmulator.builder()
                .port(0)
                .bind(OFF_LOOPBACK)
                .adminToken(token)
                .tokenRateLimitPerMinute(3)
                .start()) {
            TestHttp http = new TestHttp(emulator.baseUri());
            for (int i = 0; i < 3; i++) {
                assertUnauthorized(
                        http.post("/_emulator/reset", "", "Authorization", "Bearer guess-number-000000" + i));
            }
            TestHttp.Answer limited = http.post("/_emulator/reset", "", "Authorization", "Bearer guess-number-0000009");
            EmulatorBehaviourTest.expect(limited, 429, "RATE_LIMITED");
            assertThat(limited.json().get("parameters").toString()).isEqualTo("[\"/_emulator/\",3,1]");
            long retryAfter = Long.parseLong(limited.header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 60L);
            assertThat(http.post("/_emulator/reset", "", "Authorization", "Bearer " + token)
                            .status())
                    .as("the right token waits for the window too (else the limit confirms a lucky guess)")
                    .isEqualTo(429);
            assertThat(http.send("GET", "/_emulator/health", null).status())
                    .as("health stays open")
                    .isEqualTo(200);
            emulator.clock().advance(Duration.ofSeconds(retryAfter));
            assertThat(http.post("/_emulator/reset", "", "Authorization", "Bearer " + token)
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aTokenConfiguredOnLoopbackIsRequiredThereToo() {
        String token = AdminToken.randomValue();
        try (AtlasEmulator emulator = AtlasEmulator.builder()
                .port(0)
                .bind("127.0.0.1")
                .adminToken(token)
                .start()) {
            TestHttp http = new TestHttp(emulator.baseUri());
            assertThat(emulator.testSupportAccess()).isEqualTo(TestSupportAccess.ADMIN_TOKEN);
            assertUnauthorized(http.post("/_emulator/reset", ""));
            assertUnauthorized(http.post("/_emulator/clock/advance?seconds=60", ""));
            assertThat(emulator.clock().offset()).isEqualTo(Duration.ZERO);
            assertThat(http.post("/_emulator/clock/advance?seconds=60", "", "Authorization", "Bearer " + token)
                            .status())
                    .isEqualTo(200);
            assertThat(http.send("GET", "/_emulator/health", null).json().toString())
                    .isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void inProcessOffLoopbackWithoutATokenHttpIsClosedButTheJavaMethodsWork() {
        try (AtlasEmulator emulator =
                AtlasEmulator.builder().port(0).bind(OFF_LOOPBACK).start()) {
            TestHttp http = new TestHttp(emulator.baseUri());
            assertUnauthorized(http.post("/_emulator/reset", ""));
            emulator.clock().advance(Duration.ofSeconds(5));
            emulator.reset();
            assertThat(emulator.clock().offset()).isEqualTo(Duration.ofSeconds(5));
            assertThat(http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)).isNotBlank();
        }
    }

    @Test
    void withoutTestSupportEveryEmulatorPathIsAnUnknownPath() {
        try (AtlasEmulator emulator = AtlasEmulator.builder()
                .port(0)
                .bind(OFF_LOOPBACK)
                .adminToken(AdminToken.randomValue())
                .testSupportEndpoints(false)
                .start()) {
            TestHttp http = new TestHttp(emulator.baseUri());
            TestHttp.Answer unknown = http.send("GET", "/nothing/here", null);
            for (String path : List.of("/_emulator/health", "/_emulator/reset", "/_emulator/clock")) {
                TestHttp.Answer a =
                        http.send(path.endsWith("reset") ? "POST" : "GET", path, path.endsWith("reset") ? "" : null);
                EmulatorBehaviourTest.expect(a, 404, unknown.errorCode());
                assertThat(a.json().get("detail").asText())
                        .isEqualTo(unknown.json().get("detail").asText().replace("/nothing/here", path));
            }
            assertThat(http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET))
                    .as("the API itself is unaffected")
                    .isNotBlank();
        }
    }

    @Test
    void theAdminTokenIsCheckedAndNeverShown() {
        String value = AdminToken.randomValue();
        AdminToken token = AdminToken.of(value);
        assertThat(value).hasSize(43);
        assertThat(token.matches(value)).isTrue();
        assertThat(token.matches(value + "x")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.toString().contains(value)).isFalse();
        String tooShort = "short-secret";
        assertThatThrownBy(() -> AdminToken.of(tooShort))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage().contains(tooShort)).isFalse());
        assertThatThrownBy(() -> AtlasEmulator.builder().adminToken("has spaces in the middle"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminTokenRulesHoldExactlyAtTheirEdges() {
        String shortest =
                "!".repeat(AdminToken.MIN_LENGTH - 1) + "~"; // 0x21 and 0x7e: the first and last visible ASCII
        assertThat(AdminToken.of(shortest).matches(shortest)).isTrue();
        assertThatThrownBy(() -> AdminToken.of(shortest.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdminToken.of(shortest + " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdminToken.of(shortest + "\u007f")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AdminToken.of(shortest)).hasToString("AdminToken[****]");
        assertThat(AdminToken.randomValue()).as("random, not a constant").isNotEqualTo(AdminToken.randomValue());
    }

    static void assertUnauthorized(TestHttp.Answer a) {
        EmulatorBehaviourTest.expect(a, 401, "USER_UNAUTHORIZED");
        assertThat(a.json().get("reason").asText()).isEqualTo("Unauthorized");
        assertThat(a.json().get("detail").asText()).contains("admin token");
        assertThat(a.json().get("parameters").isArray()).isTrue();
        assertThat(a.header("WWW-Authenticate")).startsWith("Bearer ");
    }

    /** The status of a POST with exactly this request target (no client normalizes it). */
    static int rawPostStatus(URI base, String target) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST " + target + " HTTP/1.1\r\nHost: " + base.getAuthority()
                                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static boolean canBind(String address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
