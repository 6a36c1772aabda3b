package io.github.atlascredentials.emulator.state;

import java.time.Instant;

/**
 * The last few instants handed out, so that records created close together share one {@link Instant}
 * object per value instead of each holding an equal copy. Not thread-safe: its owner calls it under its lock.
 */
final class RecentInstants {
    private final Instant[] recent = new Instant[8];
    private int next;

    /** An instant equal to {@code value}: one handed out before when there is one, else {@code value}. */
    Instant of(Instant value) {
        for (Instant known : recent) {
            if (value.equals(known)) {
                return known;
            }
        }
        recent[next] = value;
        next = (next + 1) % recent.length;
        return value;
    }
}
