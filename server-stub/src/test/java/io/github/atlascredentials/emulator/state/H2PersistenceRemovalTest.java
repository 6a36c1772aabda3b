package io.github.atlascredentials.emulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A removal is durable: after a reopen the removed secret or key is gone and the others stay. */
class H2PersistenceRemovalTest {
    @TempDir
    Path dir;

    @Test
    void removedSecretsAndKeysStayRemovedAcrossRestarts() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        StoredSecret kept = secret("aaaaaaaaaaaaaaaaaaaaaaa1", now);
        StoredSecret removed = secret("aaaaaaaaaaaaaaaaaaaaaaa2", now);
        StoredApiKey key = new StoredApiKey(
                "bbbbbbbbbbbbbbbbbbbbbbb1",
                "4888442a3354817a7320eb61",
                "abcdefgh",
                new byte[16],
                "********-****-****-000000000000",
                "k",
                List.of("ORG_MEMBER"));
        try (H2Persistence store = new H2Persistence(dir, false)) {
            store.saveSecrets(List.of(kept, removed));
            store.saveApiKey(key);
            store.removeSecret(removed.id());
            store.removeApiKey(key.id());
        }
        try (H2Persistence reopened = new H2Persistence(dir, false)) {
            Persistence.Snapshot snapshot = reopened.load();
            assertThat(snapshot.secrets()).extracting(StoredSecret::id).containsExactly(kept.id());
            assertThat(snapshot.apiKeys()).isEmpty();
        }
    }

    private static StoredSecret secret(String id, Instant now) {
        return new StoredSecret(
                id,
                "mdb_sa_id_1234567890abcdef12345678",
                new byte[16],
                new byte[32],
                "mdb_sa_sk_...abcd",
                now,
                now.plusSeconds(3600),
                null);
    }
}
