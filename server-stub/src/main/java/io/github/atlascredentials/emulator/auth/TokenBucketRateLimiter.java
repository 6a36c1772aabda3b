package io.github.atlascredentials.emulator.auth;

import io.github.atlascredentials.emulator.EmulatorClock;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Atlas v2 rate limit as the rate-limit documentation describes it: one token bucket per key
 * (endpoint set and scope), holding at most {@code capacity} tokens; every request takes one, and
 * {@code refill} tokens are added every {@code refillSeconds} of the emulator clock. An empty bucket
 * refuses the request until the next refill.
 */
public final class TokenBucketRateLimiter {
    private final EmulatorClock clock;
    private final int capacity;
    private final int refill;
    private final int refillSeconds;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private record Bucket(long tokens, long lastRefillMillis) {
    }

    public TokenBucketRateLimiter(EmulatorClock clock, int capacity, int refill, int refillSeconds) {
        if (capacity < 1 || refill < 1 || refillSeconds < 1) {
            throw new IllegalArgumentException("capacity, refill and refillSeconds must be at least 1");
        }
        this.clock = clock;
        this.capacity = capacity;
        this.refill = refill;
        this.refillSeconds = refillSeconds;
    }

    public int capacity() {
        return capacity;
    }

    public int refill() {
        return refill;
    }

    public int refillSeconds() {
        return refillSeconds;
    }

    /** Takes one token from the key's bucket, if there is one. */
    public FixedWindowRateLimiter.Decision acquire(String key) {
        long now = clock.now().toEpochMilli();
        long interval = refillSeconds * 1000L;
        boolean[] allowed = new boolean[1];
        Bucket bucket = buckets.compute(key, (k, b) -> {
            Bucket current = b == null ? new Bucket(capacity, now) : refilled(b, now, interval);
            allowed[0] = current.tokens() > 0;
            return allowed[0] ? new Bucket(current.tokens() - 1, current.lastRefillMillis()) : current;
        });
        if (allowed[0]) {
            return new FixedWindowRateLimiter.Decision(true, capacity, (int) bucket.tokens(), 0);
        }
        long retryAfter = Math.max(1, (bucket.lastRefillMillis() + interval - now + 999) / 1000);
        return new FixedWindowRateLimiter.Decision(false, capacity, 0, retryAfter);
    }

    private Bucket refilled(Bucket b, long now, long interval) {
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
