package io.github.atlascredentials.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's notion of "now": the system clock plus an offset that tests may advance, so that
 * tokens, nonces and secrets expire without waiting. Thread-safe.
 */
public final class EmulatorClock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public EmulatorClock() {
        this(Clock.systemUTC());
    }

    public EmulatorClock(Clock base) {
        this.base = base;
    }

    /** Now, with millisecond precision. */
    public Instant now() {
        return base.instant().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Now, truncated to seconds: the precision of the API's timestamps. */
    public Instant nowSeconds() {
        return now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Moves the clock forward (never backward: expiry must stay monotonic). */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
        return now();
    }

    public Duration offset() {
        return offset.get();
    }
}
