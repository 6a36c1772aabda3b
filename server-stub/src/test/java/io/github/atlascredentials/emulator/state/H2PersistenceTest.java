package io.github.atlascredentials.emulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything written survives a close and reopen, field by field; a failed write leaves nothing behind. */
class H2PersistenceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ORG = "aaaaaaaaaaaaaaaaaaaaaaa0";
    private static final String PROJECT = "aaaaaaaaaaaaaaaaaaaaaaa1";
    private static final String CLIENT = "mdb_sa_id_1234567890abcdef12345678";

    @TempDir
    Path dir;

    @Test
    void freshStoreIsEmptyAndNotInitialized() {
        try (H2Persistence store = new H2Persistence(dir, false)) {
            assertThat(store.initialized()).isFalse();
            assertThat(store.load()).isEqualTo(Persistence.Snapshot.empty());
        }
    }

    @Test
    void saveAllKeepsEveryFieldAcrossAReopen() {
        StoredSecret used = secret("bbbbbbbbbbbbbbbbbbbbbbb1", T0, T0.plusSeconds(7200), T0.plusSeconds(60));
        StoredSecret unused = secret("bbbbbbbbbbbbbbbbbbbbbbb2", T0.plusSeconds(1), T0.plusSeconds(3600), null);
        StoredApiKey key = key("ccccccccccccccccccccccc1", "abcdefgh", List.of("ORG_OWNER", "ORG_MEMBER"));
        ServiceAccount account = new ServiceAccount(
                CLIENT, ORG, "the account", Set.of("ORG_MEMBER"), Map.of(PROJECT, Set.of("GROUP_OWNER")));
        ServiceAccount roleless =
                new ServiceAccount("mdb_sa_id_0000000000000000000000ff", ORG, null, Set.of(), Map.of());
        try (H2Persistence store = new H2Persistence(dir, false)) {
            store.saveAll(new Persistence.Snapshot(
                    List.of(new Organization(ORG, "Org", 4000)),
                    List.of(new Project(PROJECT, ORG, "Project")),
                    List.of(account, roleless),
                    List.of(unused, used),
                    List.of(key)));
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            assertThat(store.initialized()).isTrue();
            Persistence.Snapshot loaded = store.load();
            assertThat(loaded.organizations()).containsExactly(new Organization(ORG, "Org", 4000));
            assertThat(loaded.projects()).containsExactly(new Project(PROJECT, ORG, "Project"));
            assertThat(loaded.serviceAccounts()).containsExactly(roleless, account);
            assertThat(loaded.secrets()).hasSize(2);
            assertSameSecret(loaded.secrets().get(0), used); // ordered by creation
            assertSameSecret(loaded.secrets().get(1), unused);
            assertThat(loaded.apiKeys()).hasSize(1);
            assertSameKey(loaded.apiKeys().get(0), key);
        }
    }

    @Test
    void saveSecretsUpdatesExistingRowsSuchAsLastUse() {
        StoredSecret secret = secret("bbbbbbbbbbbbbbbbbbbbbbb1", T0, T0.plusSeconds(7200), null);
        try (H2Persistence store = new H2Persistence(dir, false)) {
            store.saveSecrets(List.of(secret));
            store.saveSecrets(List.of(secret.withLastUsedAt(T0.plusSeconds(5)).withExpiresAt(T0.plusSeconds(99))));
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            assertThat(store.initialized()).isFalse(); // secrets alone are no seed
            List<StoredSecret> loaded = store.load().secrets();
            assertThat(loaded).hasSize(1);
            assertThat(loaded.get(0).lastUsedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(loaded.get(0).expiresAt()).isEqualTo(T0.plusSeconds(99));
        }
    }

    @Test
    void savedApiKeyIsLoadedBack() {
        StoredApiKey key = key("ccccccccccccccccccccccc1", "abcdefgh", List.of("ORG_MEMBER"));
        try (H2Persistence store = new H2Persistence(dir, true)) {
            store.saveApiKey(key);
        }
        try (H2Persistence store = new H2Persistence(dir, true)) {
            assertSameKey(store.load().apiKeys().get(0), key);
        }
    }

    @Test
    void aSavedServiceAccountReplacesTheStoredOneInOneTransaction() {
        ServiceAccount account = new ServiceAccount(
                CLIENT, ORG, "before", Set.of("ORG_MEMBER"), Map.of(PROJECT, Set.of("GROUP_OWNER")), "first", T0);
        ServiceAccount changed = new ServiceAccount(
                CLIENT,
                ORG,
                "after",
                Set.of("ORG_OWNER", "ORG_READ_ONLY"),
                Map.of(PROJECT, Set.of("GROUP_OWNER")),
                "second",
                T0);
        try (H2Persistence store = new H2Persistence(dir, true)) {
            store.saveServiceAccount(account);
        }
        try (H2Persistence store = new H2Persistence(dir, true)) {
            assertThat(store.load().serviceAccounts()).as("saved on its own").containsExactly(account);
            store.apply(List.of(new Persistence.SaveServiceAccount(changed)));
        }
        try (H2Persistence store = new H2Persistence(dir, true)) {
            assertThat(store.load().serviceAccounts())
                    .as("replaced by the write")
                    .containsExactly(changed);
        }
    }

    @Test
    void clearRemovesEverythingDurably() {
        try (H2Persistence store = new H2Persistence(dir, false)) {
            store.saveAll(new Persistence.Snapshot(
                    List.of(new Organization(ORG, "Org", 10)),
                    List.of(),
                    List.of(),
                    List.of(secret("bbbbbbbbbbbbbbbbbbbbbbb1", T0, T0.plusSeconds(1), null)),
                    List.of(key("ccccccccccccccccccccccc1", "abcdefgh", List.of("ORG_MEMBER")))));
            store.clear();
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            assertThat(store.initialized()).isFalse();
            assertThat(store.load()).isEqualTo(Persistence.Snapshot.empty());
        }
    }

    @Test
    void removalOfOneSecretKeepsTheOthers() {
        StoredSecret kept = secret("bbbbbbbbbbbbbbbbbbbbbbb1", T0, T0.plusSeconds(10), null);
        StoredSecret gone = secret("bbbbbbbbbbbbbbbbbbbbbbb2", T0, T0.plusSeconds(10), null);
        StoredApiKey keptKey = key("ccccccccccccccccccccccc1", "abcdefgh", List.of("ORG_MEMBER"));
        StoredApiKey goneKey = key("ccccccccccccccccccccccc2", "ijklmnop", List.of("ORG_MEMBER"));
        try (H2Persistence store = new H2Persistence(dir, false)) {
            store.saveSecrets(List.of(kept, gone));
            store.saveApiKey(keptKey);
            store.saveApiKey(goneKey);
            store.removeSecret(gone.id());
            store.removeApiKey(goneKey.id());
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            assertThat(store.load().secrets()).extracting(StoredSecret::id).containsExactly(kept.id());
            assertThat(store.load().apiKeys()).extracting(StoredApiKey::id).containsExactly(keptKey.id());
        }
    }

    @Test
    void failedWriteIsRolledBackAndNotCommittedByTheNextOne() {
        StoredSecret good = secret("bbbbbbbbbbbbbbbbbbbbbbb1", T0, T0.plusSeconds(10), null);
        StoredSecret bad = new StoredSecret(
                "bbbbbbbbbbbbbbbbbbbbbbb2", null, new byte[16], new byte[32], "m", T0, T0.plusSeconds(10), null);
        StoredApiKey later = key("ccccccccccccccccccccccc1", "abcdefgh", List.of("ORG_MEMBER"));
        try (H2Persistence store = new H2Persistence(dir, false)) {
            assertThatThrownBy(() -> store.saveSecrets(List.of(good, bad)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot write to the database: ");
            store.saveApiKey(later);
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            assertThat(store.load().secrets()).isEmpty();
            assertThat(store.load().apiKeys()).hasSize(1);
        }
    }

    @Test
    void appliedGroupWritesAndRemovesEachKindOfChangeInOneGo() {
        StoredSecret kept = secret("bbbbbbbbbbbbbbbbbbbbbbb1", T0, T0.plusSeconds(10), null);
        StoredSecret gone = secret("bbbbbbbbbbbbbbbbbbbbbbb2", T0, T0.plusSeconds(10), null);
        StoredApiKey keptKey = key("ccccccccccccccccccccccc1", "abcdefgh", List.of("ORG_MEMBER"));
        StoredApiKey goneKey = key("ccccccccccccccccccccccc2", "ijklmnop", List.of("ORG_MEMBER"));
        try (H2Persistence store = new H2Persistence(dir, false)) {
            store.saveSecrets(List.of(gone));
            store.saveApiKey(goneKey);
            store.apply(List.of(
                    new Persistence.SaveSecrets(List.of(kept)),
                    new Persistence.SaveApiKey(keptKey),
                    new Persistence.RemoveSecret(gone.id()),
                    new Persistence.RemoveApiKey(goneKey.id())));
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            assertThat(store.load().secrets()).extracting(StoredSecret::id).containsExactly(kept.id());
            assertThat(store.load().apiKeys()).extracting(StoredApiKey::id).containsExactly(keptKey.id());
        }
    }

    @Test
    void groupWithOneFailingChangeLeavesNothingOfTheGroup() {
        StoredSecret existing = secret("bbbbbbbbbbbbbbbbbbbbbbb1", T0, T0.plusSeconds(10), null);
        StoredApiKey existingKey = key("ccccccccccccccccccccccc1", "abcdefgh", List.of("ORG_MEMBER"));
        StoredApiKey newKey = key("ccccccccccccccccccccccc2", "ijklmnop", List.of("ORG_MEMBER"));
        StoredSecret bad = new StoredSecret(
                "bbbbbbbbbbbbbbbbbbbbbbb2", null, new byte[16], new byte[32], "m", T0, T0.plusSeconds(10), null);
        try (H2Persistence store = new H2Persistence(dir, false)) {
            store.saveSecrets(List.of(existing));
            store.saveApiKey(existingKey);
            assertThatThrownBy(() -> store.apply(List.of(
                            new Persistence.RemoveSecret(existing.id()),
                            new Persistence.RemoveApiKey(existingKey.id()),
                            new Persistence.SaveApiKey(newKey),
                            new Persistence.SaveSecrets(List.of(bad)))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot write to the database: ");
            // Seen at once on the same connection: the earlier changes of the group were rolled back, not left open.
            assertThat(store.load().secrets()).extracting(StoredSecret::id).containsExactly(existing.id());
            assertThat(store.load().apiKeys()).extracting(StoredApiKey::id).containsExactly(existingKey.id());
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            assertThat(store.load().secrets()).extracting(StoredSecret::id).containsExactly(existing.id());
            assertThat(store.load().apiKeys()).extracting(StoredApiKey::id).containsExactly(existingKey.id());
        }
    }

    @Test
    void isDurableSoTheStateCommitsItsWritesInGroups() {
        try (H2Persistence store = new H2Persistence(dir, false)) {
            assertThat(store.durable()).isTrue(); // EmulatorState and the HTTP workers size themselves on this
        }
    }

    @Test
    void syncEachCommitForcesACheckpointAfterEveryWriteAndOnlyThen() throws Exception {
        assertThat(statementsTraced(dir.resolve("sync"), true)).contains("CHECKPOINT SYNC");
        assertThat(statementsTraced(dir.resolve("plain"), false))
                .doesNotContain("CHECKPOINT SYNC")
                .contains("MERGE INTO api_keys");
    }

    /** The statements H2 traces (level 3, in its own trace file) while one API key is saved. */
    private static String statementsTraced(Path dataDir, boolean syncEachCommit) throws Exception {
        Files.createDirectories(dataDir);
        try (H2Persistence store = new H2Persistence(dataDir, syncEachCommit);
                java.sql.Connection observer = java.sql.DriverManager.getConnection(
                        "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("emulator") + ";WRITE_DELAY=0", "sa", "");
                java.sql.Statement statement = observer.createStatement()) {
            statement.execute("SET TRACE_LEVEL_FILE 3");
            store.saveApiKey(key("ccccccccccccccccccccccc1", "abcdefgh", List.of("ORG_MEMBER")));
            statement.execute("SET TRACE_LEVEL_FILE 0");
        }
        return Files.readString(dataDir.resolve("emulator.trace.db"));
    }

    @Test
    void unusableDataDirectoryIsReportedWithItsName() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        // H2 also prints, on both streams, that it cannot write its trace file there: kept, not printed.
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            assertThatThrownBy(() -> new H2Persistence(notADirectory, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot open the database in " + notADirectory + ": ");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains(notADirectory.resolve("emulator.trace.db").toString());
    }

    @Test
    void readsAfterCloseFailWithAClearMessage() {
        H2Persistence store = new H2Persistence(dir, false);
        store.close();
        store.close(); // a second close is harmless
        assertThatThrownBy(store::load)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the database: ");
        assertThatThrownBy(store::initialized)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the database: ");
    }

    static StoredSecret secret(String id, Instant created, Instant expires, Instant lastUsed) {
        byte[] salt = new byte[16];
        byte[] hash = new byte[32];
        salt[0] = (byte) id.charAt(23);
        hash[31] = 7;
        return new StoredSecret(
                id, CLIENT, salt, hash, "mdb_sa_sk_...ab" + id.charAt(23) + "d", created, expires, lastUsed);
    }

    static StoredApiKey key(String id, String publicKey, List<String> roles) {
        byte[] ha1 = new byte[16];
        ha1[3] = 9;
        return new StoredApiKey(
                id, ORG, publicKey, ha1, "********-****-****-00000000000" + id.charAt(23), "desc " + id, roles);
    }

    static void assertSameSecret(StoredSecret actual, StoredSecret expected) {
        assertThat(actual.toString()).isEqualTo(expected.toString());
        assertThat(actual.salt()).isEqualTo(expected.salt());
        assertThat(actual.hash()).isEqualTo(expected.hash());
        assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
        assertThat(actual.lastUsedAt()).isEqualTo(expected.lastUsedAt());
    }

    static void assertSameKey(StoredApiKey actual, StoredApiKey expected) {
        assertThat(actual.toString()).isEqualTo(expected.toString());
        assertThat(actual.ha1()).isEqualTo(expected.ha1());
        assertThat(actual.maskedPrivateKey()).isEqualTo(expected.maskedPrivateKey());
        assertThat(actual.desc()).isEqualTo(expected.desc());
        assertThat(actual.roles()).isEqualTo(expected.roles());
    }
}
