package io.github.atlascredentials.emulator.auth;

import io.github.atlascredentials.emulator.EmulatorClock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts requests per key in fixed one-minute windows of the emulator clock. */
public final class FixedWindowRateLimiter {
    private static final long WINDOW_MILLIS = 60_000;

    private final EmulatorClock clock;
    private final int limit;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** The outcome of one request: allowed or not, the headers' values and, if refused, the wait. */
    public record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {}

    private record Window(long start, int count) {}

    public FixedWindowRateLimiter(EmulatorClock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    public Decision acquire(String key) {
        long now = clock.now().toEpochMilli();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> now - w.start() >= WINDOW_MILLIS);
        }
        Window window = windows.compute(key, (k, w) -> {
            if (w == null || now - w.start() >= WINDOW_MILLIS) {
                return new Window(now, 1);
            }
            return new Window(w.start(), w.count() + 1);
        });
        if (window.count() > limit) {
            return refused(window, now);
        }
        return new Decision(true, limit, limit - window.count(), 0);
    }

    /**
     * What one more {@link #acquire} would decide, without counting anything: for limits that count
     * only failures, checked before the attempt and counted after it fails.
     */
    public Decision peek(String key) {
        long now = clock.now().toEpochMilli();
        Window window = windows.get(key);
        if (window == null || now - window.start() >= WINDOW_MILLIS) {
            return new Decision(true, limit, limit, 0);
        }
        if (window.count() >= limit) {
            return refused(window, now);
        }
        return new Decision(true, limit, limit - window.count(), 0);
    }

    private Decision refused(Window window, long now) {
        long retryAfter = Math.max(1, (window.start() + WINDOW_MILLIS - now + 999) / 1000);
        return new Decision(false, limit, 0, retryAfter);
    }

    public void clear() {
        windows.clear();
    }

    /** How many keys have a window in the table (bounded: ended windows are pruned past 10 000 keys). */
    int trackedKeys() {
        return windows.size();
    }
}
