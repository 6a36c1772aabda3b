package io.github.atlascredentials.emulator.state;

import static io.github.atlascredentials.emulator.state.H2PersistenceTest.assertSameKey;
import static io.github.atlascredentials.emulator.state.H2PersistenceTest.assertSameSecret;
import static io.github.atlascredentials.emulator.state.H2PersistenceTest.key;
import static io.github.atlascredentials.emulator.state.H2PersistenceTest.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creations are stored with an INSERT (no look-up of a row that cannot exist): every field survives a reopen, and
 * an id already stored fails the whole group instead of replacing the row.
 */
class H2PersistenceCreationTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void createdSecretsAndKeysAreLoadedBackFieldByField() {
        StoredSecret created = secret("bbbbbbbbbbbbbbbbbbbbbbb1", T0, T0.plusSeconds(3600), T0.plusSeconds(5));
        StoredSecret shortened = secret("bbbbbbbbbbbbbbbbbbbbbbb2", T0, T0.plusSeconds(60), null);
        StoredApiKey key = key("ccccccccccccccccccccccc1", "abcdefgh", List.of("ORG_MEMBER", "ORG_OWNER"));
        StoredApiKey withProjects = new StoredApiKey(
                "ccccccccccccccccccccccc2",
                key.orgId(),
                "ijklmnop",
                key.ha1(),
                key.maskedPrivateKey(),
                null,
                List.of("ORG_MEMBER"),
                Map.of("aaaaaaaaaaaaaaaaaaaaaaa1", Set.of("GROUP_OWNER")));
        try (H2Persistence store = new H2Persistence(dir, false)) {
            store.apply(List.of(
                    new Persistence.SaveSecrets(List.of(shortened)),
                    new Persistence.CreateSecret(created),
                    new Persistence.CreateApiKey(key),
                    new Persistence.CreateApiKey(withProjects)));
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            Persistence.Snapshot loaded = store.load();
            // Loaded by creation time, then id.
            assertThat(loaded.secrets()).extracting(StoredSecret::id).containsExactly(created.id(), shortened.id());
            assertSameSecret(loaded.secrets().get(0), created);
            assertThat(loaded.apiKeys()).hasSize(2);
            assertSameKey(loaded.apiKeys().get(0), key);
            assertSameKey(loaded.apiKeys().get(1), withProjects);
            assertThat(loaded.apiKeys().get(1).projectRoles()).isEqualTo(withProjects.projectRoles());
        }
    }

    @Test
    void aCreationUnderAnIdAlreadyStoredFailsItsGroupAndReplacesNothing() {
        StoredSecret stored = secret("bbbbbbbbbbbbbbbbbbbbbbb1", T0, T0.plusSeconds(3600), null);
        StoredSecret sameId = secret("bbbbbbbbbbbbbbbbbbbbbbb1", T0, T0.plusSeconds(60), null);
        StoredApiKey key = key("ccccccccccccccccccccccc1", "abcdefgh", List.of("ORG_MEMBER"));
        StoredApiKey other = key("ccccccccccccccccccccccc2", "ijklmnop", List.of("ORG_MEMBER"));
        try (H2Persistence store = new H2Persistence(dir, false)) {
            store.apply(List.of(new Persistence.CreateSecret(stored), new Persistence.CreateApiKey(key)));
            assertThatThrownBy(() -> store.apply(
                            List.of(new Persistence.CreateApiKey(other), new Persistence.CreateSecret(sameId))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot write to the database: ");
            assertThatThrownBy(() -> store.apply(List.of(new Persistence.CreateApiKey(key))))
                    .isInstanceOf(IllegalStateException.class);
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            Persistence.Snapshot loaded = store.load();
            assertThat(loaded.secrets()).hasSize(1);
            assertThat(loaded.secrets().get(0).expiresAt()).isEqualTo(stored.expiresAt());
            assertThat(loaded.apiKeys()).extracting(StoredApiKey::id).containsExactly(key.id());
        }
    }

    @Test
    void theDefaultApplyStoresCreationsWithTheSaves() {
        List<String> calls = new ArrayList<>();
        Persistence oneByOne = new Persistence() {
            @Override
            public Snapshot load() {
                return Snapshot.empty();
            }

            @Override
            public boolean initialized() {
                return false;
            }

            @Override
            public void saveAll(Snapshot snapshot) {}

            @Override
            public void saveSecrets(List<StoredSecret> secrets) {
                calls.add("saveSecrets " + secrets.get(0).id());
            }

            @Override
            public void saveApiKey(StoredApiKey key) {
                calls.add("saveApiKey " + key.id());
            }

            @Override
            public void saveServiceAccount(ServiceAccount account) {}

            @Override
            public void removeSecret(String secretId) {}

            @Override
            public void removeApiKey(String apiKeyId) {}

            @Override
            public void clear() {}

            @Override
            public void close() {}
        };
        oneByOne.apply(List.of(
                new Persistence.CreateSecret(secret("bbbbbbbbbbbbbbbbbbbbbbb1", T0, T0.plusSeconds(60), null)),
                new Persistence.CreateApiKey(key("ccccccccccccccccccccccc1", "abcdefgh", List.of("ORG_MEMBER")))));
        assertThat(calls)
                .containsExactly("saveSecrets bbbbbbbbbbbbbbbbbbbbbbb1", "saveApiKey ccccccccccccccccccccccc1");
    }
}
