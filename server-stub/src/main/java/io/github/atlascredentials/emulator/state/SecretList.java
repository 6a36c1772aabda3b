package io.github.atlascredentials.emulator.state;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * One account's secrets as an immutable snapshot that readers use without a lock. Creating a secret
 * used to copy the whole list; {@link #append} instead shares the backing array with the snapshot it
 * extends: a snapshot only ever reads its first {@code size} slots, and only the writer (under the
 * state's write lock) fills the slots beyond them.
 */
final class SecretList extends AbstractList<StoredSecret> implements RandomAccess {
    static final SecretList EMPTY = new SecretList(new StoredSecret[0], 0, Instant.MIN);

    private final StoredSecret[] items;
    private final int size;
    private final Instant latestExpiry;

    private SecretList(StoredSecret[] items, int size, Instant latestExpiry) {
        this.items = items;
        this.size = size;
        this.latestExpiry = latestExpiry;
    }

    static SecretList of(List<StoredSecret> secrets) {
        StoredSecret[] copy = secrets.toArray(new StoredSecret[0]);
        Instant latest = Instant.MIN;
        for (StoredSecret s : copy) {
            latest = later(latest, s.expiresAt());
        }
        return new SecretList(copy, copy.length, latest);
    }

    /** The latest expiry of all secrets: none needs shortening if it is not after the grace limit. */
    Instant latestExpiry() {
        return latestExpiry;
    }

    /** This list plus one secret; call only under the write lock. */
    SecretList append(StoredSecret secret) {
        StoredSecret[] array = items;
        if (size == array.length || array[size] != null) {
            // Full, or a newer snapshot already owns the next slot: start a new array.
            array = new StoredSecret[Math.max(4, size * 2)];
            System.arraycopy(items, 0, array, 0, size);
        }
        array[size] = secret;
        return new SecretList(array, size + 1, later(latestExpiry, secret.expiresAt()));
    }

    @Override
    public StoredSecret get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return items[index];
    }

    @Override
    public int size() {
        return size;
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }
}
