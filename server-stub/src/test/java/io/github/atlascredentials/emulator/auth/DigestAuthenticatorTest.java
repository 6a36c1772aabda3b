package io.github.atlascredentials.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.emulator.EmulatorClock;
import io.github.atlascredentials.emulator.seed.SeedParser;
import io.github.atlascredentials.emulator.state.EmulatorState;
import io.github.atlascredentials.emulator.state.Persistence;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Digest verifier: what it accepts, nonce lifetime to the millisecond, replays, and the bounded nonce table. */
class DigestAuthenticatorTest {
    private static final String PUBLIC_KEY = "abcdefgh";
    private static final String PRIVATE_KEY = "0b6a3c4e-1111-2222-3333-444455556666";
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final EmulatorClock clock =
            new EmulatorClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final EmulatorState state = new EmulatorState(clock, Persistence.none(), 2);
    private final DigestAuthenticator digest = new DigestAuthenticator(state, clock, LIFETIME);

    DigestAuthenticatorTest() {
        state.load(
                "test",
                SeedParser.parse(
                        "test", ("""
                {"organizations": [{"id": "aaaaaaaaaaaaaaaaaaaaaaa0",
                  "apiKeys": [{"publicKey": "%s", "privateKey": "%s", "roles": ["ORG_OWNER"]}]}]}
                """).formatted(PUBLIC_KEY, PRIVATE_KEY).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void challengeNamesTheRealmAFreshNonceAndStaleness() {
        String first = digest.challenge(false);
        assertThat(first)
                .matches("Digest realm=\"MMS Public API\", domain=\"\", nonce=\"[0-9a-f]{32}\", algorithm=MD5,"
                        + " qop=\"auth\", stale=false");
        assertThat(digest.challenge(true)).endsWith("stale=true");
        assertThat(nonce(digest.challenge(false))).isNotEqualTo(nonce(first));
    }

    @Test
    void correctAnswerAuthenticatesOnceAndItsCountCannotBeReplayed() {
        String nonce = nonce(digest.challenge(false));
        String header = answer(nonce, "00000001", "POST", "/api/x?y=1", PRIVATE_KEY);
        assertThat(digest.authenticate("POST", "/api/x?y=1", "/api/x", header))
                .isInstanceOfSatisfying(
                        DigestAuthenticator.Authenticated.class,
                        a -> assertThat(a.key().publicKey()).isEqualTo(PUBLIC_KEY));
        assertThat(digest.authenticate("POST", "/api/x?y=1", "/api/x", header))
                .isEqualTo(new DigestAuthenticator.Refused(false));
        String upper = answer(nonce, "0000000A", "POST", "/api/x", PRIVATE_KEY);
        assertThat(digest.authenticate("POST", "/api/x?y=1", "/api/x", upper))
                .isInstanceOf(DigestAuthenticator.Authenticated.class);
        assertThat(digest.authenticate(
                        "POST", "/api/x?y=1", "/api/x", answer(nonce, "0000000a", "POST", "/api/x", PRIVATE_KEY)))
                .as("the same count in other case")
                .isEqualTo(new DigestAuthenticator.Refused(false));
    }

    @Test
    void aFixedNonceIsChallengedAndItsAnswersReplayUntilCleared() {
        digest.fixNonce("fixed-nonce");
        assertThat(nonce(digest.challenge(false))).isEqualTo("fixed-nonce");
        String header = answer("fixed-nonce", "00000001", "POST", "/api/x", PRIVATE_KEY);
        clock.advance(LIFETIME.multipliedBy(10));
        for (int replay = 0; replay < 3; replay++) {
            assertThat(digest.authenticate("POST", "/api/x", "/api/x", header))
                    .as("replay %d", replay)
                    .isInstanceOf(DigestAuthenticator.Authenticated.class);
        }
        assertThat(digest.authenticate(
                        "POST",
                        "/api/x",
                        "/api/x",
                        answer("fixed-nonce", "00000001", "POST", "/api/x", "wrong-private-key")))
                .as("a wrong key still fails")
                .isEqualTo(new DigestAuthenticator.Refused(false));

        digest.clear();
        assertThat(nonce(digest.challenge(false))).isNotEqualTo("fixed-nonce");
        assertThat(digest.authenticate("POST", "/api/x", "/api/x", header))
                .as("an unknown nonce again")
                .isEqualTo(new DigestAuthenticator.Refused(true));
    }

    @Test
    void nonceLivesExactlyItsLifetimeThenIsStale() {
        String nonce = nonce(digest.challenge(false));
        clock.advance(LIFETIME.minusMillis(1));
        assertThat(digest.authenticate("GET", "/p", "/p", answer(nonce, "00000001", "GET", "/p", PRIVATE_KEY)))
                .isInstanceOf(DigestAuthenticator.Authenticated.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(digest.authenticate("GET", "/p", "/p", answer(nonce, "00000002", "GET", "/p", PRIVATE_KEY)))
                .isEqualTo(new DigestAuthenticator.Refused(true));
        assertThat(digest.authenticate(
                        "GET",
                        "/p",
                        "/p",
                        answer("0123456789abcdef0123456789abcdef", "00000001", "GET", "/p", PRIVATE_KEY)))
                .as("unknown nonce")
                .isEqualTo(new DigestAuthenticator.Refused(true));
    }

    @Test
    void wrongKeyUnknownUserOrMalformedAnswersAreRefusedNotStale() {
        String nonce = nonce(digest.challenge(false));
        DigestAuthenticator.Refused refused = new DigestAuthenticator.Refused(false);
        assertThat(digest.authenticate(
                        "GET",
                        "/p",
                        "/p",
                        answer(nonce, "00000001", "GET", "/p", "ffffffff-1111-2222-3333-444455556666")))
                .isEqualTo(refused);
        assertThat(digest.authenticate(
                        "GET",
                        "/p",
                        "/p",
                        answer(nonce, "00000001", "GET", "/p", PRIVATE_KEY).replace(PUBLIC_KEY, "zzzzzzzz")))
                .isEqualTo(refused);
        String good = answer(nonce, "00000001", "GET", "/p", PRIVATE_KEY);
        assertThat(digest.authenticate("GET", "/other", "/other", good))
                .as("uri of another request")
                .isEqualTo(refused);
        assertThat(digest.authenticate("GET", "/p", "/p", good.replace("nc=00000001", "nc=0000001")))
                .isEqualTo(refused);
        assertThat(digest.authenticate("GET", "/p", "/p", good.replace("qop=auth", "qop=auth-int")))
                .isEqualTo(refused);
        assertThat(digest.authenticate("GET", "/p", "/p", good.replace("MMS Public API", "other")))
                .isEqualTo(refused);
        assertThat(digest.authenticate("GET", "/p", "/p", good.replace("algorithm=MD5", "algorithm=SHA-256")))
                .isEqualTo(refused);
        for (String param : new String[] {"username", "nonce", "uri", "response", "cnonce", "nc"}) {
            assertThat(digest.authenticate(
                            "GET", "/p", "/p", good.replaceFirst("(^|, )" + param + "=", "$1x" + param + "=")))
                    .as("without " + param)
                    .isEqualTo(refused);
        }
        assertThat(digest.authenticate("GET", "/p", "/p", good)).isInstanceOf(DigestAuthenticator.Authenticated.class);
    }

    @Test
    void responseInUpperCaseAndAnAbsentAlgorithmAreAccepted() {
        String nonce = nonce(digest.challenge(false));
        String header = answer(nonce, "00000001", "GET", "/p", PRIVATE_KEY).replace(", algorithm=MD5", "");
        Matcher m = Pattern.compile("response=\"([0-9a-f]+)\"").matcher(header);
        assertThat(m.find()).isTrue();
        header = header.replace(m.group(1), m.group(1).toUpperCase());
        assertThat(digest.authenticate("GET", "/p", "/p", header))
                .isInstanceOf(DigestAuthenticator.Authenticated.class);
    }

    @Test
    void clearForgetsTheNonces() {
        String nonce = nonce(digest.challenge(false));
        digest.clear();
        assertThat(digest.nonceCount()).isZero();
        assertThat(digest.authenticate("GET", "/p", "/p", answer(nonce, "00000001", "GET", "/p", PRIVATE_KEY)))
                .isEqualTo(new DigestAuthenticator.Refused(true));
    }

    @Test
    void nonceTableIsPrunedOfExpiredNoncesOncePastItsBound() {
        for (int i = 0; i < 200_000; i++) {
            digest.challenge(false);
        }
        clock.advance(LIFETIME.minusMillis(1));
        String live = nonce(digest.challenge(false)); // 200 000 held: no pruning yet
        assertThat(digest.nonceCount()).isEqualTo(200_001);
        clock.advance(Duration.ofMillis(1));
        digest.challenge(false); // past the bound: the 200 000 expired just now go, the live one stays
        assertThat(digest.nonceCount()).isEqualTo(2);
        assertThat(digest.authenticate("GET", "/p", "/p", answer(live, "00000001", "GET", "/p", PRIVATE_KEY)))
                .isInstanceOf(DigestAuthenticator.Authenticated.class);
    }

    @Test
    void ha1IsMd5OfKeyRealmAndPrivateKey() {
        assertThat(Crypto.hex(DigestHash.ha1(PUBLIC_KEY, PRIVATE_KEY)))
                .isEqualTo(Crypto.md5Hex(PUBLIC_KEY + ":MMS Public API:" + PRIVATE_KEY));
    }

    private static String nonce(String challenge) {
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String answer(String nonce, String nc, String method, String uri, String privateKey) {
        String ha1 = Crypto.md5Hex(PUBLIC_KEY + ":MMS Public API:" + privateKey);
        String ha2 = Crypto.md5Hex(method + ":" + uri);
        String cnonce = "0a4f113b";
        String response = Crypto.md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "username=\"" + PUBLIC_KEY + "\", realm=\"MMS Public API\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", algorithm=MD5, qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response
                + "\"";
    }
}
