package io.github.atlascredentials.emulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshots that share a backing array never see each other's later secrets, however they grow. */
class SecretListTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static StoredSecret secret(int n) {
        return new StoredSecret(
                String.format("%024x", n),
                "mdb_sa_id_1234567890abcdef12345678",
                new byte[16],
                new byte[32],
                "m" + n,
                T0,
                T0.plusSeconds(n),
                null);
    }

    @Test
    void appendingGrowsPastEveryArrayAndKeepsEachSnapshotAsItWas() {
        List<SecretList> snapshots = new ArrayList<>();
        SecretList list = SecretList.EMPTY;
        for (int n = 1; n <= 20; n++) {
            snapshots.add(list);
            list = list.append(secret(n));
        }
        assertThat(list)
                .extracting(StoredSecret::maskedValue)
                .hasSize(20)
                .startsWith("m1", "m2")
                .endsWith("m20");
        assertThat(list.latestExpiry()).isEqualTo(T0.plusSeconds(20));
        for (int size = 0; size < 20; size++) {
            assertThat(snapshots.get(size)).hasSize(size);
        }
    }

    @Test
    void twoAppendsToTheSameSnapshotDoNotOverwriteEachOther() {
        SecretList base = SecretList.of(List.of(secret(1)));
        SecretList first = base.append(secret(2));
        SecretList second = base.append(secret(3));
        SecretList third = first.append(secret(4));
        assertThat(base).extracting(StoredSecret::maskedValue).containsExactly("m1");
        assertThat(first).extracting(StoredSecret::maskedValue).containsExactly("m1", "m2");
        assertThat(second).extracting(StoredSecret::maskedValue).containsExactly("m1", "m3");
        assertThat(third).extracting(StoredSecret::maskedValue).containsExactly("m1", "m2", "m4");
        assertThat(second.append(secret(5)))
                .extracting(StoredSecret::maskedValue)
                .containsExactly("m1", "m3", "m5");
    }

    @Test
    void indexesOutsideTheSnapshotAreRefusedEvenIfTheArrayHasMore() {
        SecretList base = SecretList.of(List.of(secret(1)));
        SecretList shorter = base.append(secret(2));
        shorter.append(secret(3)); // fills the shared array's next slot
        assertThatThrownBy(() -> shorter.get(2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 2, size 2");
        assertThatThrownBy(() -> shorter.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(shorter.get(1).maskedValue()).isEqualTo("m2");
    }
}
