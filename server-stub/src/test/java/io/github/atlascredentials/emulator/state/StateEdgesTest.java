package io.github.atlascredentials.emulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.emulator.EmulatorClock;
import io.github.atlascredentials.emulator.seed.SeedDocument;
import io.github.atlascredentials.emulator.seed.SeedException;
import io.github.atlascredentials.emulator.seed.SeedParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the state's records show of themselves, the seed's id and count rules, organizations kept apart,
 * and the writer's view after a restart from the database.
 */
class StateEdgesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ORG = "aaaaaaaaaaaaaaaaaaaaaaa0";
    private static final String PROJECT = "aaaaaaaaaaaaaaaaaaaaaaa1";
    private static final String OTHER_ORG = "bbbbbbbbbbbbbbbbbbbbbbb0";
    private static final String CLIENT = "mdb_sa_id_1234567890abcdef12345678";
    private static final String OTHER_CLIENT = "mdb_sa_id_0000000000000000000000ff";
    private static final String SECRET = "mdb_sa_sk_" + "s".repeat(40);
    private static final String PRIVATE_KEY = "0b6a3c4e-1111-2222-3333-444455556666";

    @TempDir
    Path dir;

    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(T0, ZoneOffset.UTC));

    private static SeedDocument seed(String json) {
        return SeedParser.parse("test", json.getBytes(StandardCharsets.UTF_8));
    }

    private static SeedDocument org(
            String orgId, String projectId, String clientId, String publicKey, String keyId, String secretJson) {
        return seed("""
                {"organizations": [{"id": "%s", "projects": [{"id": "%s"}],
                  "serviceAccounts": [{"clientId": "%s", "roles": ["ORG_OWNER"], "secrets": [%s]}],
                  "apiKeys": [{"id": "%s", "publicKey": "%s", "privateKey": "%s", "roles": ["ORG_OWNER"]}]}]}
                """.formatted(orgId, projectId, clientId, secretJson, keyId, publicKey, PRIVATE_KEY));
    }

    private static String secret(String id, String expiresAt) {
        return "{\"id\": \"%s\", \"secret\": \"%s\", \"expiresAt\": \"%s\"}".formatted(id, SECRET, expiresAt);
    }

    private EmulatorState firstOrg(Persistence persistence) {
        EmulatorState state = new EmulatorState(clock, persistence, 1);
        state.load(
                "test",
                org(
                        ORG,
                        PROJECT,
                        CLIENT,
                        "abcdefgh",
                        "ccccccccccccccccccccccc0",
                        secret("ddddddddddddddddddddddd0", "2026-01-02T00:00:00Z")));
        return state;
    }

    @Test
    void recordsShowIdsAndMasksButNeverTheSecretValues() {
        StoredSecret stored = new StoredSecret(
                "ddddddddddddddddddddddd0",
                CLIENT,
                new byte[16],
                new byte[32],
                "mdb_sa_sk_...ssss",
                T0,
                T0.plusSeconds(60),
                null);
        assertThat(stored)
                .hasToString("StoredSecret[id=ddddddddddddddddddddddd0, clientId=" + CLIENT
                        + ", masked=mdb_sa_sk_...ssss, expiresAt=2026-01-01T00:01:00Z]");
        StoredApiKey key = new StoredApiKey(
                "ccccccccccccccccccccccc0",
                ORG,
                "abcdefgh",
                new byte[16],
                "********-****-****-444455556666",
                "d",
                List.of("ORG_OWNER"));
        assertThat(key).hasToString("StoredApiKey[id=ccccccccccccccccccccccc0, orgId=" + ORG + ", publicKey=abcdefgh]");
        assertThat(new EmulatorState.CreatedSecret(stored, SECRET)).hasToString("CreatedSecret[" + stored + "]");
        assertThat(new EmulatorState.CreatedApiKey(key, PRIVATE_KEY)).hasToString("CreatedApiKey[" + key + "]");
        assertThat(new SeedDocument.Secret("ddddddddddddddddddddddd0", SECRET, null, T0))
                .hasToString("Secret[id=ddddddddddddddddddddddd0, secret=****, expiresAt=2026-01-01T00:00:00Z]");
        assertThat(new SeedDocument.ApiKey(null, "abcdefgh", PRIVATE_KEY, "d", List.of("ORG_OWNER")))
                .hasToString("ApiKey[id=null, publicKey=abcdefgh, privateKey=****]");
    }

    @Test
    void theDefaultApplyWritesEachChangeOneByOneAndIsNotDurable() {
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
            public void saveAll(Snapshot snapshot) {
                calls.add("saveAll");
            }

            @Override
            public void saveSecrets(List<StoredSecret> secrets) {
                calls.add("saveSecrets " + secrets.size());
            }

            @Override
            public void saveApiKey(StoredApiKey key) {
                calls.add("saveApiKey " + key.id());
            }

            @Override
            public void saveServiceAccount(ServiceAccount account) {
                calls.add("saveServiceAccount " + account.clientId());
            }

            @Override
            public void removeSecret(String secretId) {
                calls.add("removeSecret " + secretId);
            }

            @Override
            public void removeApiKey(String apiKeyId) {
                calls.add("removeApiKey " + apiKeyId);
            }

            @Override
            public void clear() {
                calls.add("clear");
            }

            @Override
            public void close() {}
        };
        StoredApiKey key = new StoredApiKey("k", ORG, "abcdefgh", new byte[16], "m", "d", List.of("ORG_OWNER"));
        ServiceAccount account = new ServiceAccount("mdb_sa_id_1", ORG, "n", Set.of("ORG_OWNER"), Map.of());
        oneByOne.apply(List.of(
                new Persistence.SaveSecrets(List.of()),
                new Persistence.SaveApiKey(key),
                new Persistence.SaveServiceAccount(account),
                new Persistence.RemoveSecret("s"),
                new Persistence.RemoveApiKey("k")));
        assertThat(calls)
                .containsExactly(
                        "saveSecrets 0",
                        "saveApiKey k",
                        "saveServiceAccount mdb_sa_id_1",
                        "removeSecret s",
                        "removeApiKey k");
        assertThat(oneByOne.durable()).isFalse();
    }

    @Test
    void aSeedMayHoldExactlyTheSecretLimitAndGivesExpiredSecretsTheirExpiryAsCreation() {
        EmulatorState state = new EmulatorState(clock, Persistence.none(), 1);
        state.load(
                "test",
                org(
                        ORG,
                        PROJECT,
                        CLIENT,
                        "abcdefgh",
                        "ccccccccccccccccccccccc0",
                        secret("ddddddddddddddddddddddd0", "2025-12-31T00:00:00Z")));
        StoredSecret expired = state.secretsOf(CLIENT).get(0);
        assertThat(expired.createdAt()).isEqualTo(Instant.parse("2025-12-31T00:00:00Z"));
        EmulatorState fresh = new EmulatorState(clock, Persistence.none(), 1);
        fresh.load(
                "test",
                org(
                        ORG,
                        PROJECT,
                        CLIENT,
                        "abcdefgh",
                        "ccccccccccccccccccccccc0",
                        secret("ddddddddddddddddddddddd0", "2026-01-02T00:00:00Z")));
        assertThat(fresh.secretsOf(CLIENT).get(0).createdAt()).isEqualTo(T0);
        assertThat(clock.advance(java.time.Duration.ofSeconds(5)))
                .as("the new time")
                .isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void idsOfALaterSeedMustBeNewAcrossOrganizationsProjectsAndKeys() {
        EmulatorState state = firstOrg(Persistence.none());
        String none = "";
        assertDuplicate(
                state,
                org(PROJECT, "bbbbbbbbbbbbbbbbbbbbbbb1", OTHER_CLIENT, "ijklmnop", "ccccccccccccccccccccccc1", none),
                "$.organizations[0].id");
        assertDuplicate(
                state,
                org(OTHER_ORG, ORG, OTHER_CLIENT, "ijklmnop", "ccccccccccccccccccccccc1", none),
                "$.organizations[0].projects[0].id");
        assertDuplicate(
                state,
                org(OTHER_ORG, "bbbbbbbbbbbbbbbbbbbbbbb1", OTHER_CLIENT, "abcdefgh", "ccccccccccccccccccccccc1", none),
                "$.organizations[0].apiKeys[0].publicKey");
        assertDuplicate(
                state,
                org(OTHER_ORG, "bbbbbbbbbbbbbbbbbbbbbbb1", OTHER_CLIENT, "ijklmnop", "ccccccccccccccccccccccc0", none),
                "$.organizations[0].apiKeys[0].id");
        assertThat(state.organization(OTHER_ORG)).isEmpty();
    }

    @Test
    void clientIdsAndSecretIdsOfALaterSeedMustBeNewToo() {
        EmulatorState state = firstOrg(Persistence.none());
        assertDuplicate(
                state,
                org(OTHER_ORG, "bbbbbbbbbbbbbbbbbbbbbbb1", CLIENT, "ijklmnop", "ccccccccccccccccccccccc1", ""),
                "$.organizations[0].serviceAccounts[0].clientId");
        assertDuplicate(
                state,
                org(
                        OTHER_ORG,
                        "bbbbbbbbbbbbbbbbbbbbbbb1",
                        OTHER_CLIENT,
                        "ijklmnop",
                        "ccccccccccccccccccccccc1",
                        secret("ddddddddddddddddddddddd0", "2026-01-02T00:00:00Z")),
                "$.organizations[0].serviceAccounts[0].secrets[0].id");
        state.load(
                "new ids",
                org(
                        OTHER_ORG,
                        "bbbbbbbbbbbbbbbbbbbbbbb1",
                        OTHER_CLIENT,
                        "ijklmnop",
                        "ccccccccccccccccccccccc1",
                        secret("ddddddddddddddddddddddd1", "2026-01-02T00:00:00Z")));
        assertThat(state.secretsOf(OTHER_CLIENT))
                .extracting(StoredSecret::id)
                .containsExactly("ddddddddddddddddddddddd1");
    }

    @Test
    void afterAClearOfADatabaseStateNothingOldCanBeDeleted() {
        try (H2Persistence store = new H2Persistence(dir, false)) {
            EmulatorState state = firstOrg(store);
            state.clear();
            assertThat(state.deleteSecret(CLIENT, "ddddddddddddddddddddddd0")).isEmpty();
            assertThat(state.deleteApiKey(ORG, "ccccccccccccccccccccccc0")).isEmpty();
            state.close();
        }
    }

    private static void assertDuplicate(EmulatorState state, SeedDocument later, String jsonPath) {
        assertThatThrownBy(() -> state.load("later.json", later))
                .isInstanceOfSatisfying(
                        SeedException.class, e -> assertThat(e.jsonPath()).isEqualTo(jsonPath));
    }

    @Test
    void eachOrganizationSeesOnlyItsOwnAccountsAndKeys() {
        EmulatorState state = firstOrg(Persistence.none());
        state.load(
                "second",
                org(OTHER_ORG, "bbbbbbbbbbbbbbbbbbbbbbb1", OTHER_CLIENT, "ijklmnop", "ccccccccccccccccccccccc1", ""));
        assertThat(state.serviceAccountsOf(ORG))
                .extracting(ServiceAccount::clientId)
                .containsExactly(CLIENT);
        assertThat(state.apiKeysOf(OTHER_ORG)).extracting(StoredApiKey::id).containsExactly("ccccccccccccccccccccccc1");
        assertThat(state.apiKey(ORG, "ccccccccccccccccccccccc0")).isPresent();
        assertThat(state.apiKey(OTHER_ORG, "ccccccccccccccccccccccc0")).isEmpty();
        assertThat(state.deleteApiKey(OTHER_ORG, "ccccccccccccccccccccccc0"))
                .as("another organization's key")
                .isEmpty();
        assertThat(state.apiKeyByPublicKey("abcdefgh")).isPresent();
    }

    @Test
    void afterARestartFromTheDatabaseWritesSeeWhatWasRestored() {
        try (H2Persistence store = new H2Persistence(dir, false)) {
            EmulatorState state = firstOrg(store);
            state.close();
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            EmulatorState restarted = new EmulatorState(clock, store, 1);
            assertThat(restarted.restore()).isTrue();
            assertThatThrownBy(() -> restarted.createSecret(CLIENT, 10))
                    .as("the restored secret counts")
                    .isInstanceOf(EmulatorState.SecretLimitReached.class);
            assertThat(restarted.deleteSecret(CLIENT, "ddddddddddddddddddddddd0"))
                    .isPresent();
            assertThat(restarted.deleteApiKey(ORG, "ccccccccccccccccccccccc0")).isPresent();
            assertThat(restarted.secretsOf(CLIENT)).isEmpty();
            assertThat(restarted.apiKeyByPublicKey("abcdefgh")).isEmpty();
            restarted.close();
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            EmulatorState again = new EmulatorState(clock, store, 1);
            assertThat(again.restore()).isTrue();
            assertThat(again.secretsOf(CLIENT)).isEmpty();
            assertThat(again.apiKeysOf(ORG)).isEmpty();
            again.close();
        }
    }
}
