package io.github.atlascredentials.emulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentInstantsTest {
    private final RecentInstants recent = new RecentInstants();

    @Test
    void anEqualInstantIsTheOneHandedOutBefore() {
        Instant first = recent.of(Instant.ofEpochSecond(1_000));
        Instant equalCopy = Instant.ofEpochSecond(1_000);

        assertThat(recent.of(equalCopy)).isSameAs(first).isNotSameAs(equalCopy);
    }

    @Test
    void aNewValueIsKeptAsItIs() {
        recent.of(Instant.ofEpochSecond(1_000));
        Instant other = Instant.ofEpochSecond(1_001);

        assertThat(recent.of(other)).isSameAs(other);
    }

    @Test
    void remembersTheLastEightValues() {
        Instant oldest = recent.of(Instant.ofEpochSecond(0));
        Instant second = recent.of(Instant.ofEpochSecond(1));
        for (int s = 2; s < 8; s++) {
            recent.of(Instant.ofEpochSecond(s));
        }
        assertThat(recent.of(Instant.ofEpochSecond(0))).isSameAs(oldest); // still among the last eight

        recent.of(Instant.ofEpochSecond(8)); // takes the slot of the oldest
        Instant copyOfOldest = Instant.ofEpochSecond(0);
        assertThat(recent.of(copyOfOldest)).isSameAs(copyOfOldest);
        assertThat(recent.of(Instant.ofEpochSecond(1))).isNotSameAs(second); // evicted by the value just kept
    }
}
