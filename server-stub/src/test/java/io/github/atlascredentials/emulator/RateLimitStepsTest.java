package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two rate-limit steps over HTTP, on a stopped clock: the API limit per caller and the token
 * endpoint's limit, their headers, the 429 answer and its Retry-After, and the window's end.
 */
class RateLimitStepsTest {
    private final EmulatorClock clock =
            new EmulatorClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private AtlasEmulator emulator;
    private TestHttp http;

    @BeforeEach
    void start() {
        emulator = AtlasEmulator.builder()
                .port(0)
                .clock(clock)
                .apiRateLimitPerMinute(2)
                .tokenRateLimitPerMinute(2)
                .atlasRateLimit(2, 1, 10)
                .start();
        http = new TestHttp(emulator.baseUri());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** A Cloud Manager call: limited per caller in fixed one-minute windows. */
    private TestHttp.Answer create(String token) {
        return http.post(
                EmulatorBehaviourTest.CM_SECRETS,
                "{\"secretExpiresAfterHours\": 8}",
                "Authorization",
                "Bearer " + token,
                "Content-Type",
                "application/json");
    }

    /** An Atlas v2 call: limited by a token bucket per endpoint set and scope. */
    private TestHttp.Answer atlas(String path, String token) {
        return http.post(
                path,
                "{\"secretExpiresAfterHours\": 8}",
                "Authorization",
                "Bearer " + token,
                "Content-Type",
                EmulatorBehaviourTest.ATLAS);
    }

    @Test
    void atlasCallsTakeTokensFromTheBucketOfTheirScopeUntilTheNextRefill() {
        String token = http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
        TestHttp.Answer first = atlas(EmulatorBehaviourTest.ORG_SECRETS, token);
        assertThat(first.header("RateLimit-Limit")).isEqualTo("2");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("1");
        assertThat(atlas(EmulatorBehaviourTest.ORG_SECRETS, token).header("RateLimit-Remaining"))
                .isEqualTo("0");
        TestHttp.Answer refused = atlas(EmulatorBehaviourTest.ORG_SECRETS, token);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED_TOKEN_BUCKET");
        assertThat(refused.header("Retry-After")).isEqualTo("10");
        assertThat(atlas(EmulatorBehaviourTest.GROUP_SECRETS, token).header("RateLimit-Remaining"))
                .as("the project's own bucket")
                .isEqualTo("1");
        clock.advance(Duration.ofSeconds(9));
        assertThat(atlas(EmulatorBehaviourTest.ORG_SECRETS, token).header("Retry-After"))
                .isEqualTo("1");
        clock.advance(Duration.ofSeconds(1));
        TestHttp.Answer refilled = atlas(EmulatorBehaviourTest.ORG_SECRETS, token);
        assertThat(refilled.status()).isNotEqualTo(429);
        assertThat(refilled.header("RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void eachProjectAndEachOrganizationHasABucketOfItsOwnOnTheSameEndpoint() {
        String token = http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
        String otherId = "0123456789abcdef01234567"; // well-formed, unknown: counted, then refused by access
        String otherProject = EmulatorBehaviourTest.GROUP_SECRETS.replace(DEMO_PROJECT_ID, otherId);
        String otherOrg = EmulatorBehaviourTest.ORG_SECRETS.replace(DEMO_ORG_ID, otherId);
        atlas(EmulatorBehaviourTest.GROUP_SECRETS, token);
        atlas(EmulatorBehaviourTest.GROUP_SECRETS, token);
        assertThat(atlas(EmulatorBehaviourTest.GROUP_SECRETS, token).status()).isEqualTo(429);
        TestHttp.Answer project = atlas(otherProject, token);
        assertThat(project.status()).isNotEqualTo(429);
        assertThat(project.header("RateLimit-Remaining")).isEqualTo("1");
        atlas(EmulatorBehaviourTest.ORG_SECRETS, token);
        atlas(EmulatorBehaviourTest.ORG_SECRETS, token);
        assertThat(atlas(EmulatorBehaviourTest.ORG_SECRETS, token).status()).isEqualTo(429);
        TestHttp.Answer org = atlas(otherOrg, token);
        assertThat(org.status()).isNotEqualTo(429);
        assertThat(org.header("RateLimit-Remaining")).isEqualTo("1");
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
        TestHttp.Answer byKey = http.new Digest(DEMO_PUBLIC_KEY, DEMO_PRIVATE_KEY)
                .post(
                        EmulatorBehaviourTest.API_KEYS,
                        "{\"desc\":\"k\",\"roles\":[\"ORG_MEMBER\"]}",
                        "Content-Type",
                        "application/json");
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
    void resetForgetsTokensAndFaultsAndStartsEveryLimitAfresh() {
        String token = http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
        http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
        create(token);
        create(token);
        assertThat(create(token).status()).isEqualTo(429);
        assertThat(http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials")
                        .status())
                .isEqualTo(429);
        emulator.failNextRequest("createCloudManagerServiceAccountSecret", 500, null); // armed, never used

        emulator.reset();
        assertThat(create(token).status()).as("the token is forgotten").isEqualTo(401);
        TestHttp.Answer fresh = http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials");
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.header("RateLimit-Remaining")).isEqualTo("1");
        TestHttp.Answer api = create(fresh.json().get("access_token").asText());
        assertThat(api.status()).isEqualTo(201);
        assertThat(api.header("RateLimit-Remaining")).isEqualTo("1");
    }

    @Test
    void tokenEndpointIsLimitedBeforeCredentialsAreChecked() {
        assertThat(http.tokenRequest(DEMO_CLIENT_ID, "mdb_sa_sk_" + "w".repeat(40), "grant_type=client_credentials")
                        .status())
                .isEqualTo(401);
        TestHttp.Answer second = http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("RateLimit-Limit")).isEqualTo("2");
        assertThat(second.header("RateLimit-Remaining")).isEqualTo("0");
        TestHttp.Answer refused =
                http.tokenRequest(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "grant_type=client_credentials");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        // The API operations do not count against the token endpoint's limit, nor the other way round.
        TestHttp.Answer api = create(second.json().get("access_token").asText());
        assertThat(api.status()).isNotEqualTo(429);
        assertThat(api.header("RateLimit-Remaining")).isEqualTo("1");
    }
}
