package io.github.atlascredentials.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.emulator.EmulatorClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The token bucket: capacity, refill per whole interval, never above capacity, Retry-After to the next refill. */
class TokenBucketRateLimiterTest {
    private final EmulatorClock clock =
            new EmulatorClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final TokenBucketRateLimiter buckets = new TokenBucketRateLimiter(clock, 3, 2, 10);

    private static FixedWindowRateLimiter.Decision allowed(int remaining) {
        return new FixedWindowRateLimiter.Decision(true, 3, remaining, 0);
    }

    private static FixedWindowRateLimiter.Decision refused(long retryAfter) {
        return new FixedWindowRateLimiter.Decision(false, 3, 0, retryAfter);
    }

    @Test
    void fullBucketEmptiesThenRefuses() {
        assertThat(buckets.acquire("k")).isEqualTo(allowed(2));
        assertThat(buckets.acquire("k")).isEqualTo(allowed(1));
        assertThat(buckets.acquire("k")).isEqualTo(allowed(0));
        assertThat(buckets.acquire("k")).isEqualTo(refused(10));
        assertThat(buckets.acquire("other")).isEqualTo(allowed(2));
    }

    @Test
    void refillComesOnlyAfterAWholeIntervalAndRetryAfterCountsToIt() {
        drain("k");
        clock.advance(Duration.ofMillis(1));
        assertThat(buckets.acquire("k")).isEqualTo(refused(10)); // 9.999 s rounded up
        clock.advance(Duration.ofMillis(999));
        assertThat(buckets.acquire("k")).isEqualTo(refused(9));
        clock.advance(Duration.ofMillis(8_999));
        assertThat(buckets.acquire("k")).isEqualTo(refused(1)); // 1 ms
        clock.advance(Duration.ofMillis(1));
        assertThat(buckets.acquire("k")).isEqualTo(allowed(1)); // 2 tokens added, one taken
        assertThat(buckets.acquire("k")).isEqualTo(allowed(0));
        assertThat(buckets.acquire("k")).isEqualTo(refused(10)); // the refill moved the next one 10 s on
    }

    @Test
    void manyIntervalsRefillUpToCapacityOnlyAndKeepTheRefillGrid() {
        drain("k");
        clock.advance(Duration.ofSeconds(25)); // two whole intervals: 4 tokens, capped at 3
        assertThat(buckets.acquire("k")).isEqualTo(allowed(2));
        assertThat(buckets.acquire("k")).isEqualTo(allowed(1));
        assertThat(buckets.acquire("k")).isEqualTo(allowed(0));
        assertThat(buckets.acquire("k")).as("next refill at 30 s, 5 s away").isEqualTo(refused(5));
    }

    @Test
    void oneIntervalAddsTheRefillNotMore() {
        TokenBucketRateLimiter slow = new TokenBucketRateLimiter(clock, 5, 1, 10);
        for (int i = 0; i < 5; i++) {
            slow.acquire("k");
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(slow.acquire("k")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 5, 0, 0));
        assertThat(slow.acquire("k").allowed()).isFalse();
    }

    @Test
    void configureReplacesSettingsAndRefillsEveryBucket() {
        drain("k");
        TokenBucketRateLimiter.Settings settings = new TokenBucketRateLimiter.Settings(1, 1, 1);
        buckets.configure(settings);
        assertThat(buckets.settings()).isSameAs(settings);
        assertThat(buckets.acquire("k")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 1, 0, 0));
        assertThat(buckets.acquire("k")).isEqualTo(new FixedWindowRateLimiter.Decision(false, 1, 0, 1));
        buckets.clear();
        assertThat(buckets.acquire("k").allowed()).isTrue();
        assertThatThrownBy(() -> buckets.configure(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void everySettingIsAtLeastOne() {
        assertThat(new TokenBucketRateLimiter.Settings(1, 1, 1).capacity()).isEqualTo(1);
        for (int[] bad : new int[][] {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}}) {
            assertThatThrownBy(() -> new TokenBucketRateLimiter.Settings(bad[0], bad[1], bad[2]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private void drain(String key) {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.acquire(key).allowed()).isTrue();
        }
    }
}
