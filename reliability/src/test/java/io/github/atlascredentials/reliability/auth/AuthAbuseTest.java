package io.github.atlascredentials.reliability.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.emulator.admin.AdminToken;
import io.github.atlascredentials.emulator.junit.AtlasEmulatorExtension;
import io.github.atlascredentials.reliability.support.Answer;
import io.github.atlascredentials.reliability.support.CredentialRegistry;
import io.github.atlascredentials.reliability.support.Digest;
import io.github.atlascredentials.reliability.support.Emulators;
import io.github.atlascredentials.reliability.support.Http;
import io.github.atlascredentials.reliability.support.Seed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replays, forgeries, expired and revoked credentials, other organizations' credentials, and brute
 * force, against the API and against the test-support endpoints of an emulator off loopback.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthAbuseTest {
    /** The token endpoint's default limit per client and minute (the spec's tokenRequestsPerMinute). */
    private static final int LIMIT = io.github.atlascredentials.emulator.SpecFacts.TOKEN_REQUESTS_PER_MINUTE;

    private static final String KEYS = Seed.apiKeysPath(Seed.ORG_A);
    private static final String KEY_BODY = "{\"desc\":\"auth abuse\",\"roles\":[\"ORG_READ_ONLY\"]}";
    /** Any bind address but 127.0.0.1 and ::1 counts as off loopback: this one is reachable only from here. */
    private static final String OFF_LOOPBACK = "127.0.0.2";

    private static final List<String> ADMIN_POSTS =
            List.of("/_emulator/reset", "/_emulator/seed", "/_emulator/clock/advance?seconds=86400");
    /** One emulator for the class on a random port, back to the seed before each test. */
    @RegisterExtension
    static final AtlasEmulatorExtension EMULATOR = AtlasEmulatorExtension.configured(Emulators.seeded(4));

    private AtlasEmulator emulator;
    private Http http;
    /** Started by a test of its own (off loopback); the class's shared emulator is never closed here. */
    private AtlasEmulator ownEmulator;

    @BeforeEach
    void aim(AtlasEmulator emulator) {
        this.emulator = emulator;
        http = new Http(emulator.baseUri());
    }

    private Digest digestWithNonce() {
        Digest digest = new Digest(http, Seed.KEY_ADMIN_A, Seed.KEY_ADMIN_A_PRIVATE);
        Answer challenge = http.post(KEYS, KEY_BODY, "Content-Type", "application/json");
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.header("WWW-Authenticate"))
                .contains("realm=\"MMS Public API\"", "qop=\"auth\"", "algorithm=MD5");
        digest.adopt(challenge);
        return digest;
    }

    private Answer postKey(String authorization) {
        return http.post(KEYS, KEY_BODY, "Content-Type", "application/json", "Authorization", authorization);
    }

    private static void assertUnauthorized(Answer a) {
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.errorCode()).isEqualTo("USER_UNAUTHORIZED");
        assertThat(a.header("WWW-Authenticate")).startsWith("Digest ");
    }

    @Test
    void replayedDigestNonceCountIsRefused() {
        Digest digest = digestWithNonce();
        String first = digest.header("POST", KEYS, 1);
        assertThat(postKey(first).status()).isEqualTo(200);
        assertUnauthorized(postKey(first));
        assertThat(postKey(digest.header("POST", KEYS, 2)).status())
                .as("the next count is fine")
                .isEqualTo(200);
        assertUnauthorized(postKey(digest.header("POST", KEYS, 2)));
        assertUnauthorized(postKey(digest.header("POST", KEYS, 1)));
    }

    @Test
    void wrongRealmUriMethodOrPasswordIsRefused() {
        Digest digest = digestWithNonce();
        String other = Seed.apiKeysPath(Seed.ORG_B);
        assertUnauthorized(postKey(digest.header("POST", KEYS, 1, "Other Realm", KEYS, Seed.KEY_ADMIN_A_PRIVATE)));
        assertUnauthorized(postKey(digest.header("POST", other, 2, Digest.REALM, other, Seed.KEY_ADMIN_A_PRIVATE)));
        assertUnauthorized(postKey(digest.header("POST", other, 3, Digest.REALM, KEYS, Seed.KEY_ADMIN_A_PRIVATE)));
        assertUnauthorized(postKey(digest.header("GET", KEYS, 4, Digest.REALM, KEYS, Seed.KEY_ADMIN_A_PRIVATE)));
        assertUnauthorized(postKey(digest.header("POST", KEYS, 5, Digest.REALM, KEYS, Seed.KEY_MEMBER_A_PRIVATE)));
        assertUnauthorized(postKey(digest.header("POST", KEYS, 6).replace("qop=auth", "qop=auth-int")));
        assertUnauthorized(postKey(digest.header("POST", KEYS, 7).replace("algorithm=MD5", "algorithm=SHA-256")));
        assertThat(postKey(digest.header("POST", KEYS, 8)).status())
                .as("the untouched header still works")
                .isEqualTo(200);
    }

    @Test
    void expiredOrForgedNonceIsStaleAndANewNonceWorks() {
        Digest digest = digestWithNonce();
        emulator.clock().advance(Duration.ofMinutes(6));
        Answer stale = postKey(digest.header("POST", KEYS, 1));
        assertUnauthorized(stale);
        assertThat(Digest.params(stale.header("WWW-Authenticate")).get("stale")).isEqualTo("true");
        digest.adopt(stale);
        assertThat(postKey(digest.header("POST", KEYS, 1)).status()).isEqualTo(200);

        Digest forged = new Digest(http, Seed.KEY_ADMIN_A, Seed.KEY_ADMIN_A_PRIVATE);
        Answer forgedAnswer =
                postKey(forged.header("POST", KEYS, 1).replace("nonce=\"null\"", "nonce=\"" + "ab".repeat(16) + "\""));
        assertUnauthorized(forgedAnswer);
    }

    @Test
    void expiredTokenIsRefused() {
        String token = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
        assertThat(postKey("Bearer " + token).status()).isEqualTo(200);
        emulator.clock().advance(Duration.ofSeconds(3599));
        assertThat(postKey("Bearer " + token).status())
                .as("one second before expiry")
                .isEqualTo(200);
        emulator.clock().advance(Duration.ofSeconds(1));
        assertUnauthorized(postKey("Bearer " + token));
    }

    @Test
    void revokedTokenIsRefusedAndOnlyItsOwnerCanRevokeIt() {
        String token = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
        Answer byOther = http.post(
                "/api/oauth/revoke",
                "token=" + token + "&token_type_hint=access_token",
                "Authorization",
                Http.basic(Seed.MEMBER_A, Seed.MEMBER_A_SECRET),
                "Content-Type",
                Http.FORM);
        // RFC 7009 section 2.1: refused, nothing revoked (the revoke page documents a 403).
        assertThat(byOther.status())
                .as("another account's token is not revoked")
                .isEqualTo(403);
        assertThat(byOther.json().get("error").asText()).isEqualTo("access_denied");
        assertThat(postKey("Bearer " + token).status()).isEqualTo(200);
        Answer revoked = http.post(
                "/api/oauth/revoke",
                "token=" + token + "&token_type_hint=access_token",
                "Authorization",
                Http.basic(Seed.ADMIN_A, Seed.ADMIN_A_SECRET),
                "Content-Type",
                Http.FORM);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body()).isEmpty();
        assertUnauthorized(postKey("Bearer " + token));
        assertThat(http.post(
                                "/api/oauth/revoke",
                                "token=" + token,
                                "Authorization",
                                Http.basic(Seed.ADMIN_A, Seed.ADMIN_A_SECRET),
                                "Content-Type",
                                Http.FORM)
                        .status())
                .as("revoking twice is not an error")
                .isEqualTo(200);
    }

    @Test
    void credentialsOfAnotherOrganizationOrWithoutTheRoleAreUnauthorized() {
        String tokenB = http.token(Seed.ADMIN_B, Seed.ADMIN_B_SECRET);
        for (String path : List.of(KEYS, Seed.cloudManagerSecretPath(Seed.ORG_A, Seed.target(0)))) {
            Answer a = http.post(
                    path,
                    path.equals(KEYS) ? KEY_BODY : "{\"secretExpiresAfterHours\":8}",
                    "Authorization",
                    "Bearer " + tokenB,
                    "Content-Type",
                    "application/json");
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.errorCode()).isEqualTo("USER_UNAUTHORIZED");
        }
        Answer group = http.post(
                Seed.groupSecretPath(Seed.PROJECT_A, Seed.target(0)),
                "{\"secretExpiresAfterHours\":8}",
                "Authorization",
                "Bearer " + tokenB,
                "Content-Type",
                Http.ATLAS);
        assertThat(group.status()).isEqualTo(401);
        Answer digestB = new Digest(http, Seed.KEY_ADMIN_B, Seed.KEY_ADMIN_B_PRIVATE)
                .post(KEYS, KEY_BODY, "Content-Type", "application/json");
        assertThat(digestB.status()).isEqualTo(401);
        assertThat(digestB.errorCode()).isEqualTo("USER_UNAUTHORIZED");

        String member = http.token(Seed.MEMBER_A, Seed.MEMBER_A_SECRET);
        Answer notOwner = postKey("Bearer " + member);
        assertThat(notOwner.status()).isEqualTo(401);
        assertThat(notOwner.errorCode()).isEqualTo("USER_UNAUTHORIZED");
        String projectOwner = http.token(Seed.PROJECT_OWNER_A, Seed.PROJECT_OWNER_A_SECRET);
        assertThat(postKey("Bearer " + projectOwner).errorCode())
                .as("a project owner is no org owner")
                .isEqualTo("USER_UNAUTHORIZED");
    }

    @Test
    void expiredSecretCannotObtainAToken() {
        String token = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
        Answer created = http.post(
                Seed.orgSecretPath(Seed.ORG_A, Seed.target(0)),
                "{\"secretExpiresAfterHours\":8}",
                "Authorization",
                "Bearer " + token,
                "Content-Type",
                Http.ATLAS);
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asText();
        assertThat(http.tokenRequest(Seed.target(0), secret).status()).isEqualTo(200);
        emulator.clock().advance(Duration.ofHours(8));
        Answer expired = http.tokenRequest(Seed.target(0), secret);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void bruteForceAgainstTheTokenEndpointHitsTheRateLimitExactly() throws Exception {
        // 120 guesses from 16 threads at once: exactly LIMIT (the default limit, 10) are judged (401), the rest are
        // refused with 429.
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> retryAfter = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> guesses = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String guess = "mdb_sa_sk_" + String.format("%040d", i);
                guesses.add(pool.submit(() -> {
                    Answer a = http.tokenRequest(Seed.ADMIN_A, guess);
                    statuses.merge(a.status(), 1, Integer::sum);
                    if (a.status() == 429) {
                        assertThat(a.errorCode()).isEqualTo("RATE_LIMITED");
                        assertThat(a.json().get("parameters").toString())
                                .isEqualTo("[\"/api/oauth/token\"," + LIMIT + ",1]");
                        retryAfter.add(a.header("Retry-After"));
                    } else {
                        assertThat(a.json().path("error").asText()).isEqualTo("invalid_client");
                    }
                }));
            }
            for (Future<?> g : guesses) {
                g.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnlyKeys(401, 429);
        assertThat(statuses.get(401)).as("guesses judged within the limit").isEqualTo(LIMIT);
        assertThat(statuses.get(429)).isEqualTo(120 - LIMIT);
        assertThat(retryAfter).allSatisfy(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));

        Answer right = http.tokenRequest(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
        assertThat(right.status())
                .as("even the right secret waits for the window")
                .isEqualTo(429);
        assertThat(http.tokenRequest(Seed.MEMBER_A, Seed.MEMBER_A_SECRET).status())
                .as("another client is not limited")
                .isEqualTo(200);
        emulator.clock().advance(Duration.ofSeconds(Long.parseLong(right.header("Retry-After"))));
        Answer after = http.tokenRequest(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
        assertThat(after.status()).as("after Retry-After seconds").isEqualTo(200);
        assertThat(after.header("RateLimit-Limit")).isEqualTo(Integer.toString(LIMIT));
        assertThat(after.header("RateLimit-Remaining")).isEqualTo(Integer.toString(LIMIT - 1));
        Emulators.figure("auth: brute force of 120 concurrent guesses: exactly " + LIMIT + " judged (401), "
                + (120 - LIMIT) + " refused 429 with Retry-After");
    }

    /** An emulator bound off loopback with a fresh admin token, which the leak scan then looks for. */
    private AtlasEmulator offLoopback(String adminToken) {
        return offLoopback(adminToken, LIMIT);
    }

    /** The same, with {@code wrongTokensPerMinute} wrong admin tokens allowed a minute (the token endpoint's limit). */
    private AtlasEmulator offLoopback(String adminToken, int wrongTokensPerMinute) {
        assumeTrue(canBind(OFF_LOOPBACK), "this machine cannot bind " + OFF_LOOPBACK);
        CredentialRegistry.record(CredentialRegistry.Kind.ADMIN_TOKEN, adminToken);
        ownEmulator = Emulators.inProcess(4)
                .bind(OFF_LOOPBACK)
                .adminToken(adminToken)
                .tokenRateLimitPerMinute(wrongTokensPerMinute)
                .start();
        emulator = ownEmulator;
        http = new Http(emulator.baseUri());
        return emulator;
    }

    @AfterEach
    void stopOwnEmulator() {
        if (ownEmulator != null) {
            ownEmulator.close();
        }
    }

    @Test
    void adminEndpointsOffLoopbackRefuseEveryCredentialButTheAdminTokenAndChangeNothing() {
        String adminToken = AdminToken.randomValue();
        offLoopback(adminToken, 1000); // more forged attempts than the default 10 wrong tokens a minute
        String accessToken = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
        Digest digest = new Digest(http, Seed.KEY_ADMIN_A, Seed.KEY_ADMIN_A_PRIVATE);
        List<String[]> forged = List.of(
                new String[0],
                new String[] {"Authorization", "Bearer " + accessToken},
                new String[] {"Authorization", Http.basic(Seed.ADMIN_A, Seed.ADMIN_A_SECRET)},
                new String[] {"Authorization", digest.header("POST", "/_emulator/reset", 1)},
                new String[] {"Authorization", "Bearer " + adminToken.substring(1)},
                new String[] {"Authorization", "Bearer " + adminToken.toUpperCase(java.util.Locale.ROOT)},
                new String[] {"Authorization", adminToken},
                new String[] {"X-Admin-Token", adminToken});
        for (String[] credential : forged) {
            for (String path : ADMIN_POSTS) {
                Answer a = http.post(path, Seed.json(1), credential);
                assertThat(a.status()).as(path).isEqualTo(401);
                assertThat(a.errorCode()).isEqualTo("USER_UNAUTHORIZED");
                assertThat(a.header("WWW-Authenticate")).startsWith("Bearer ");
                assertThat(a.text().contains(adminToken))
                        .as("the answer does not echo the token")
                        .isFalse();
            }
        }
        assertThat(emulator.clock().offset()).as("no clock moved").isEqualTo(Duration.ZERO);
        assertThat(postKey("Bearer " + accessToken).status())
                .as("no reset: the token issued before still works")
                .isEqualTo(200);
        Answer health = http.get("/_emulator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().toString()).as("health says nothing else").isEqualTo("{\"status\":\"UP\"}");
        assertThat(http.post("/_emulator/reset", "", "Authorization", "Bearer " + adminToken)
                        .status())
                .isEqualTo(200);
        assertThat(postKey("Bearer " + accessToken).status())
                .as("the reset forgot the token")
                .isEqualTo(401);
    }

    @Test
    void bruteForceAgainstTheAdminTokenHitsTheRateLimitExactly() throws Exception {
        String adminToken = AdminToken.randomValue();
        offLoopback(adminToken);
        // 120 guesses from 16 threads at once: exactly LIMIT (the default limit, 10) are judged (401), the rest are
        // refused with 429.
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> guesses = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String guess = AdminToken.randomValue();
                String path = ADMIN_POSTS.get(i % ADMIN_POSTS.size());
                guesses.add(pool.submit(() -> {
                    Answer a = http.post(path, "", "Authorization", "Bearer " + guess);
                    statuses.merge(a.status(), 1, Integer::sum);
                    if (a.status() == 429) {
                        assertThat(a.errorCode()).isEqualTo("RATE_LIMITED");
                        assertThat(a.json().get("parameters").toString())
                                .isEqualTo("[\"/_emulator/\"," + LIMIT + ",1]");
                        assertThat(Integer.parseInt(a.header("Retry-After"))).isBetween(1, 60);
                    } else {
                        assertThat(a.errorCode()).isEqualTo("USER_UNAUTHORIZED");
                    }
                }));
            }
            for (Future<?> g : guesses) {
                g.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnlyKeys(401, 429);
        assertThat(statuses.get(401)).as("guesses judged within the limit").isEqualTo(LIMIT);
        assertThat(statuses.get(429)).isEqualTo(120 - LIMIT);

        Answer right = http.post("/_emulator/reset", "", "Authorization", "Bearer " + adminToken);
        assertThat(right.status())
                .as("even the right token waits for the window")
                .isEqualTo(429);
        assertThat(http.get("/_emulator/health").status())
                .as("health stays open")
                .isEqualTo(200);
        assertThat(http.tokenRequest(Seed.ADMIN_A, Seed.ADMIN_A_SECRET).status())
                .as("the API is not limited")
                .isEqualTo(200);
        emulator.clock().advance(Duration.ofSeconds(Long.parseLong(right.header("Retry-After"))));
        assertThat(http.post("/_emulator/reset", "", "Authorization", "Bearer " + adminToken)
                        .status())
                .as("after Retry-After seconds")
                .isEqualTo(200);
        Emulators.figure("auth: brute force of 120 concurrent admin-token guesses: exactly " + LIMIT + " judged (401), "
                + (120 - LIMIT) + " refused 429");
    }

    private static boolean canBind(String address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
