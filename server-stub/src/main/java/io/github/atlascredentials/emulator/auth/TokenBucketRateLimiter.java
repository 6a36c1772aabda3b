package io.github.atlascredentials.emulator.auth;

import io.github.atlascredentials.emulator.EmulatorClock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Atlas v2 rate limit as the rate-limit documentation describes it: one token bucket per key
 * (endpoint set and scope), holding at most {@code capacity} tokens; every request takes one, and
 * {@code refill} tokens are added every {@code refillSeconds} of the emulator clock. An empty bucket
 * refuses the request until the next refill.
 */
public final class TokenBucketRateLimiter {
    private final EmulatorClock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile Settings settings;

    private record Bucket(long tokens, long lastRefillMillis) {}

    /** Capacity, tokens added per refill, and the refill interval in seconds; each at least 1. */
    public record Settings(int capacity, int refill, int refillSeconds) {
        public Settings {
            if (capacity < 1 || refill < 1 || refillSeconds < 1) {
                throw new IllegalArgumentException("capacity, refill and refillSeconds must be at least 1");
            }
        }
    }

    public TokenBucketRateLimiter(EmulatorClock clock, int capacity, int refill, int refillSeconds) {
        this.clock = clock;
        this.settings = new Settings(capacity, refill, refillSeconds);
    }

    /** New settings, with every bucket full again. */
    public void configure(Settings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "settings");
        buckets.clear();
    }

    public Settings settings() {
        return settings;
    }

    /** Takes one token from the key's bucket, if there is one. */
    public FixedWindowRateLimiter.Decision acquire(String key) {
        Settings s = settings;
        int capacity = s.capacity();
        int refill = s.refill();
        int refillSeconds = s.refillSeconds();
        long now = clock.now().toEpochMilli();
        long interval = refillSeconds * 1000L;
        boolean[] allowed = new boolean[1];
        Bucket bucket = buckets.compute(key, (k, b) -> {
            Bucket current = b == null ? new Bucket(capacity, now) : refilled(b, now, interval, capacity, refill);
            allowed[0] = current.tokens() > 0;
            return allowed[0] ? new Bucket(current.tokens() - 1, current.lastRefillMillis()) : current;
        });
        if (allowed[0]) {
            return new FixedWindowRateLimiter.Decision(true, capacity, (int) bucket.tokens(), 0);
        }
        long retryAfter = Math.max(1, (bucket.lastRefillMillis() + interval - now + 999) / 1000);
        return new FixedWindowRateLimiter.Decision(false, capacity, 0, retryAfter);
    }

    private static Bucket refilled(Bucket b, long now, long interval, int capacity, int refill) {
        long periods = Math.max(0, (now - b.lastRefillMillis()) / interval);
        if (periods == 0) {
            return b;
        }
        long tokens = Math.min(capacity, b.tokens() + Math.min(periods, capacity) * (long) refill);
        return new Bucket(tokens, b.lastRefillMillis() + periods * interval);
    }

    public void clear() {
        buckets.clear();
    }
}
