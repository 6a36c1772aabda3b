package io.github.atlascredentials.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.emulator.EmulatorClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The fixed one-minute window: exact counts, the window edge, Retry-After and the bounded key table. */
class FixedWindowRateLimiterTest {
    private final EmulatorClock clock =
            new EmulatorClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(clock, 3);

    @Test
    void countsDownToTheLimitThenRefuses() {
        assertThat(limiter.limit()).isEqualTo(3);
        assertThat(limiter.acquire("k")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 3, 2, 0));
        assertThat(limiter.acquire("k")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 3, 1, 0));
        assertThat(limiter.acquire("k")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 3, 0, 0));
        assertThat(limiter.acquire("k")).isEqualTo(new FixedWindowRateLimiter.Decision(false, 3, 0, 60));
        assertThat(limiter.acquire("other")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 3, 2, 0));
    }

    @Test
    void windowEndsExactlyOneMinuteAfterItsFirstRequest() {
        fill("k");
        clock.advance(Duration.ofMillis(59_999));
        assertThat(limiter.acquire("k").allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.acquire("k")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 3, 2, 0));
    }

    @Test
    void retryAfterIsTheRestOfTheWindowRoundedUpToWholeSeconds() {
        fill("k");
        assertThat(limiter.acquire("k").retryAfterSeconds()).isEqualTo(60);
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.acquire("k").retryAfterSeconds()).isEqualTo(60); // 59.999 s
        clock.advance(Duration.ofMillis(999));
        assertThat(limiter.acquire("k").retryAfterSeconds()).isEqualTo(59); // exactly 59 s
        clock.advance(Duration.ofMillis(58_001));
        assertThat(limiter.acquire("k").retryAfterSeconds()).isEqualTo(1); // 0.999 s
        clock.advance(Duration.ofMillis(998));
        assertThat(limiter.acquire("k").retryAfterSeconds()).isEqualTo(1); // 1 ms
    }

    @Test
    void peekTellsWithoutCounting() {
        assertThat(limiter.peek("k")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 3, 3, 0));
        limiter.acquire("k");
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.peek("k")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 3, 2, 0));
        }
        limiter.acquire("k");
        assertThat(limiter.peek("k")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 3, 1, 0));
        limiter.acquire("k");
        clock.advance(Duration.ofMillis(1_500));
        assertThat(limiter.peek("k")).isEqualTo(new FixedWindowRateLimiter.Decision(false, 3, 0, 59));
        clock.advance(Duration.ofMillis(58_499));
        assertThat(limiter.peek("k").allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.peek("k")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 3, 3, 0));
    }

    @Test
    void clearForgetsEveryWindow() {
        fill("k");
        limiter.clear();
        assertThat(limiter.acquire("k")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 3, 2, 0));
        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }

    @Test
    void keyTableIsPrunedOfEndedWindowsOnceItHoldsMoreThanTenThousandKeys() {
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("old-" + i);
        }
        clock.advance(Duration.ofSeconds(60));
        limiter.acquire("fresh-1"); // 10 000 keys before it: no pruning yet
        assertThat(limiter.trackedKeys()).isEqualTo(10_001);
        limiter.acquire("fresh-2"); // more than 10 000: the ended windows go, the live one stays
        assertThat(limiter.trackedKeys()).isEqualTo(2);
    }

    @Test
    void pruningKeepsWindowsStillRunning() {
        fill("busy");
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("other-" + i);
        }
        clock.advance(Duration.ofMillis(59_999));
        assertThat(limiter.acquire("busy").allowed()).isFalse();
        assertThat(limiter.trackedKeys()).isEqualTo(10_001);
    }

    private void fill(String key) {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(key).allowed()).isTrue();
        }
    }
}
