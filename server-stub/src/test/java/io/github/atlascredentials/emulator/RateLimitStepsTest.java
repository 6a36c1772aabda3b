package io.github.atlascredentials.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.github.atlascredentials.emulator.AtlasEmulator.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two rate-limit steps over HTTP, on a stopped clock: the API limit per caller and the token
 * endpoint's limit, their headers, the 429 answer and its Retry-After, and the window's end.
 */
class RateLimitStepsTest {
    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private AtlasEmulator emulator;
    private TestHttp http;

    @BeforeEach
    void start() {
        emulator = AtlasEmulator.builder().port(0).clock(clock).apiRateLimitPerMinute(2).tokenRateLimitPerMinute(2).start();
        http = new TestHttp(emulator.baseUri());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private TestHttp.Answer create(String token) {
        return http.post(EmulatorBehaviourTest.ORG_SECRETS, "{\"secretExpiresAfterHours\": 8}", "Authorization", "Bearer " + token,
                "Content-Type", EmulatorBehaviourTest.ATLAS);
    }

    @Test
    void apiCallsAreLimitedPerCallerWithHeadersAndRetryAfter() {
        String token = http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
        TestHttp.Answer first = create(token);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("RateLimit-Limit")).isEqualTo("2");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("1");
        assertThat(create(token).header("RateLimit-Remaining")).isEqualTo("0");
        TestHttp.Answer refused = create(token);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");

        // Another caller (a programmatic API key) has its own window.
        TestHttp.Answer byKey = http.new Digest(DEMO_PUBLIC_KEY, DEMO_PRIVATE_KEY).post(EmulatorBehaviourTest.API_KEYS,
                "{\"desc\":\"k\",\"roles\":[\"ORG_MEMBER\"]}", "Content-Type", "application/json");
        assertThat(byKey.status()).isEqualTo(200);
        assertThat(byKey.header("RateLimit-Remaining")).isEqualTo("1");

        clock.advance(Duration.ofSeconds(59));
        assertThat(create(token).header("Retry-After")).isEqualTo("1");
        clock.advance(Duration.ofSeconds(1));
        TestHttp.Answer nextWindow = create(token);
        assertThat(nextWindow.status()).as("a new window").isNotEqualTo(429);
        assertThat(nextWindow.header("RateLimit-Remaining")).isEqualTo("1");
    }

    @Test
    void tokenEndpointIsLimitedBeforeCredentialsAreChecked() {
        assertThat(http.tokenRequest(DEMO_CLIENT_ID, "mdb_sa_sk_" + "w".repeat(40), "grant_type=client_credentials").status())
                .isEqualTo(401);
        TestHttp.Answer second = http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("RateLimit-Limit")).isEqualTo("2");
        assertThat(second.header("RateLimit-Remaining")).isEqualTo("0");
        TestHttp.Answer refused = http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        // The API operations do not count against the token endpoint's limit, nor the other way round.
        TestHttp.Answer api = create(second.json().get("access_token").asText());
        assertThat(api.status()).isNotEqualTo(429);
        assertThat(api.header("RateLimit-Remaining")).isEqualTo("1");
    }
}
