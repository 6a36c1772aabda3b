package io.github.atlascredentials.emulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.emulator.EmulatorClock;
import io.github.atlascredentials.emulator.auth.DigestHash;
import io.github.atlascredentials.emulator.seed.SeedException;
import io.github.atlascredentials.emulator.seed.SeedParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state writes what it acknowledges: secrets, their last use and API keys reach the persistence
 * (checked call by call, and through a real H2 store reopened in a new state), limits are exact.
 */
class EmulatorStateTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.250Z");
    private static final String ORG = "aaaaaaaaaaaaaaaaaaaaaaa0";
    private static final String CLIENT = "mdb_sa_id_1234567890abcdef12345678";
    private static final String SEED_SECRET = "mdb_sa_sk_" + "s".repeat(40);
    private static final String PUBLIC_KEY = "abcdefgh";
    private static final String PRIVATE_KEY = "0b6a3c4e-1111-2222-3333-444455556666";

    @TempDir
    Path dir;

    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(T0, ZoneOffset.UTC));
    private final Recording recording = new Recording();

    private EmulatorState seeded(Persistence persistence, int maxSecrets) {
        EmulatorState state = new EmulatorState(clock, persistence, maxSecrets);
        state.load("test", seed());
        return state;
    }

    private static io.github.atlascredentials.emulator.seed.SeedDocument seed() {
        return SeedParser.parse(
                "test",
                ("""
                {"organizations": [{"id": "%s", "maxServiceAccountSecretValidityInHours": 100,
                  "serviceAccounts": [{"clientId": "%s", "roles": ["ORG_OWNER"],
                    "secrets": [{"secret": "%s", "expiresAt": "2026-01-02T00:00:00Z"}]}],
                  "apiKeys": [{"publicKey": "%s", "privateKey": "%s", "roles": ["ORG_OWNER"]}]}]}
                """)
                        .formatted(ORG, CLIENT, SEED_SECRET, PUBLIC_KEY, PRIVATE_KEY)
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void seedIsSavedWholeBeforeItIsVisible() {
        EmulatorState state = seeded(recording, 2);
        assertThat(recording.calls).containsExactly("saveAll");
        assertThat(recording.lastSnapshot.serviceAccounts())
                .extracting(ServiceAccount::clientId)
                .containsExactly(CLIENT);
        assertThat(recording.lastSnapshot.secrets()).hasSize(1);
        assertThat(recording.lastSnapshot.apiKeys())
                .extracting(StoredApiKey::publicKey)
                .containsExactly(PUBLIC_KEY);
        assertThat(state.organization(ORG).orElseThrow().maxServiceAccountSecretValidityInHours())
                .isEqualTo(100);
        assertThat(state.maxSecretsPerAccount()).isEqualTo(2);
    }

    @Test
    void secretsShareTheirAccountsClientIdAndTheTimestampsOfTheSameSecond() throws Exception {
        EmulatorState state = seeded(recording, 3);
        String clientIdFromARequest = new String(CLIENT.toCharArray()); // as a request path decodes it: a copy

        StoredSecret first = state.createSecret(clientIdFromARequest, 10).stored();
        StoredSecret second =
                state.createSecret(new String(CLIENT.toCharArray()), 10).stored();

        assertThat(first.clientId())
                .isEqualTo(CLIENT)
                .isNotSameAs(clientIdFromARequest)
                .isSameAs(state.serviceAccount(CLIENT).orElseThrow().clientId());
        assertThat(second.createdAt()).isSameAs(first.createdAt());
        assertThat(second.expiresAt()).isSameAs(first.expiresAt());
    }

    @Test
    void createdSecretIsSavedAndWorksAfterARestart() throws Exception {
        EmulatorState.CreatedSecret created;
        try (H2Persistence store = new H2Persistence(dir, false)) {
            EmulatorState state = seeded(store, 2);
            created = state.createSecret(CLIENT, 10);
            assertThat(created.plainSecret()).startsWith("mdb_sa_sk_").hasSize(50);
            assertThat(created.stored().expiresAt())
                    .isEqualTo(clock.nowSeconds().plus(Duration.ofHours(10)));
            assertThat(created.stored().createdAt()).isEqualTo(clock.nowSeconds());
            assertThat(created.toString()).doesNotContain(created.plainSecret());
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            EmulatorState restarted = new EmulatorState(clock, store, 2);
            assertThat(restarted.restore()).isTrue();
            assertThat(restarted.checkSecret(CLIENT, created.plainSecret()).check())
                    .isEqualTo(EmulatorState.SecretCheck.VALID);
            assertThat(restarted.checkSecret(CLIENT, SEED_SECRET).check()).isEqualTo(EmulatorState.SecretCheck.VALID);
            assertThat(restarted.apiKeyByPublicKey(PUBLIC_KEY).orElseThrow().ha1())
                    .isEqualTo(DigestHash.ha1(PUBLIC_KEY, PRIVATE_KEY));
        }
    }

    @Test
    void secretCreationSavesOnlyTheNewSecretWhenNothingNeedsShortening() throws Exception {
        EmulatorState state = seeded(recording, 2);
        EmulatorState.CreatedSecret created = state.createSecret(CLIENT, 5);
        assertThat(recording.calls).containsExactly("saveAll", "saveSecrets");
        assertThat(recording.lastSecrets).containsExactly(created.stored());
        assertThat(state.secretsOf(CLIENT)).hasSize(2).endsWith(created.stored());
    }

    @Test
    void secretLimitIsExact() throws Exception {
        EmulatorState state = seeded(recording, 2);
        state.createSecret(CLIENT, 5);
        assertThatThrownBy(() -> state.createSecret(CLIENT, 5)).isInstanceOf(EmulatorState.SecretLimitReached.class);
        assertThat(state.secretsOf(CLIENT)).hasSize(2);
        assertThat(recording.calls).containsExactly("saveAll", "saveSecrets");
    }

    @Test
    void olderSecretsOutlivingTheGraceAreShortenedAndSaved() throws Exception {
        EmulatorState state = seeded(recording, 4);
        Instant graceLimit = clock.nowSeconds().plus(EmulatorState.OLDER_SECRET_GRACE);
        long graceHours = EmulatorState.OLDER_SECRET_GRACE.toHours();
        EmulatorState.CreatedSecret atLimit = state.createSecret(CLIENT, (int) graceHours);
        EmulatorState.CreatedSecret longer = state.createSecret(CLIENT, (int) graceHours + 1);
        recording.calls.clear();
        EmulatorState.CreatedSecret newest = state.createSecret(CLIENT, 1);
        assertThat(recording.calls).containsExactly("saveSecrets");
        assertThat(recording.lastSecrets)
                .extracting(StoredSecret::id)
                .containsExactly(longer.stored().id(), newest.stored().id());
        assertThat(recording.lastSecrets.get(0).expiresAt()).isEqualTo(graceLimit);
        List<StoredSecret> now = state.secretsOf(CLIENT);
        assertThat(now)
                .extracting(StoredSecret::id)
                .containsExactly(
                        now.get(0).id(),
                        atLimit.stored().id(),
                        longer.stored().id(),
                        newest.stored().id());
        assertThat(now.get(1).expiresAt()).isEqualTo(graceLimit);
        assertThat(now.get(2).expiresAt()).isEqualTo(graceLimit);
        assertThat(now.get(3).expiresAt()).isEqualTo(clock.nowSeconds().plus(Duration.ofHours(1)));
    }

    @Test
    void lastUseIsSavedForTheUsedSecretOnly() throws Exception {
        EmulatorState.CreatedSecret other;
        try (H2Persistence store = new H2Persistence(dir, false)) {
            EmulatorState state = seeded(store, 2);
            other = state.createSecret(CLIENT, 5);
            EmulatorState.SecretMatch match = state.checkSecret(CLIENT, SEED_SECRET);
            clock.advance(Duration.ofMillis(1_500));
            state.markUsed(match.secret());
            assertThat(state.secretsOf(CLIENT).get(0).lastUsedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
            assertThat(state.secretsOf(CLIENT).get(1).id())
                    .isEqualTo(other.stored().id());
            assertThat(state.secretsOf(CLIENT).get(1).lastUsedAt()).isNull();
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            EmulatorState restarted = new EmulatorState(clock, store, 2);
            restarted.restore();
            assertThat(restarted.secretsOf(CLIENT))
                    .hasSize(2)
                    .allSatisfy(s -> assertThat(s.lastUsedAt())
                            .isEqualTo(
                                    s.id().equals(other.stored().id()) ? null : Instant.parse("2026-01-01T00:00:01Z")));
        }
    }

    @Test
    void markUsedSavesExactlyTheUpdatedSecret() {
        EmulatorState state = seeded(recording, 2);
        StoredSecret seed = state.secretsOf(CLIENT).get(0);
        state.markUsed(seed);
        assertThat(recording.calls).containsExactly("saveAll", "saveSecrets");
        assertThat(recording.lastSecrets).hasSize(1);
        assertThat(recording.lastSecrets.get(0).id()).isEqualTo(seed.id());
        assertThat(recording.lastSecrets.get(0).lastUsedAt()).isEqualTo(clock.nowSeconds());
    }

    @Test
    void createdApiKeyIsSavedAndAuthenticatesAfterARestart() {
        EmulatorState.CreatedApiKey created;
        try (H2Persistence store = new H2Persistence(dir, false)) {
            EmulatorState state = seeded(store, 2);
            created = state.createApiKey(ORG, "new key", List.of("ORG_MEMBER"));
            assertThat(created.toString()).doesNotContain(created.plainPrivateKey());
            assertThat(created.stored().publicKey()).matches("[a-z]{8}");
            assertThat(state.apiKeyByPublicKey(created.stored().publicKey())).contains(created.stored());
        }
        try (H2Persistence store = new H2Persistence(dir, false)) {
            EmulatorState restarted = new EmulatorState(clock, store, 2);
            restarted.restore();
            StoredApiKey loaded =
                    restarted.apiKeyByPublicKey(created.stored().publicKey()).orElseThrow();
            assertThat(loaded.ha1()).isEqualTo(DigestHash.ha1(created.stored().publicKey(), created.plainPrivateKey()));
            assertThat(loaded.desc()).isEqualTo("new key");
            assertThat(loaded.maskedPrivateKey()).isEqualTo(EmulatorState.maskPrivateKey(created.plainPrivateKey()));
        }
    }

    @Test
    void apiKeyCreationCallsSaveApiKey() {
        EmulatorState state = seeded(recording, 2);
        EmulatorState.CreatedApiKey created = state.createApiKey(ORG, "d", List.of("ORG_MEMBER"));
        assertThat(recording.calls).containsExactly("saveAll", "saveApiKey");
        assertThat(recording.lastKey).isEqualTo(created.stored());
    }

    @Test
    void restoreOfAStoreNeverSeededReportsFalseAndLoadsNothing() {
        EmulatorState state = new EmulatorState(clock, recording, 2);
        assertThat(state.restore()).isFalse();
        assertThat(recording.calls).containsExactly("initialized");
    }

    @Test
    void clearEmptiesMemoryAndStore() {
        EmulatorState state = seeded(recording, 2);
        state.clear();
        assertThat(recording.calls).containsExactly("saveAll", "clear");
        assertThat(state.organization(ORG)).isEmpty();
        assertThat(state.serviceAccount(CLIENT)).isEmpty();
        assertThat(state.apiKeyByPublicKey(PUBLIC_KEY)).isEmpty();
        assertThat(state.secretsOf(CLIENT)).isEmpty();
        state.load("again", seed()); // the same ids are new again
        assertThat(state.organization(ORG)).isPresent();
    }

    @Test
    void secretChecksTellUnknownExpiredAndValidApart() {
        EmulatorState state = seeded(recording, 2);
        assertThat(state.checkSecret(CLIENT, "mdb_sa_sk_" + "x".repeat(40)))
                .isEqualTo(new EmulatorState.SecretMatch(EmulatorState.SecretCheck.UNKNOWN, null));
        assertThat(state.checkSecret("mdb_sa_id_000000000000000000000000", SEED_SECRET)
                        .check())
                .isEqualTo(EmulatorState.SecretCheck.UNKNOWN);
        clock.advance(
                Duration.between(T0, Instant.parse("2026-01-02T00:00:00Z")).minusMillis(1));
        assertThat(state.checkSecret(CLIENT, SEED_SECRET).check()).isEqualTo(EmulatorState.SecretCheck.VALID);
        clock.advance(Duration.ofMillis(1));
        EmulatorState.SecretMatch expired = state.checkSecret(CLIENT, SEED_SECRET);
        assertThat(expired.check()).isEqualTo(EmulatorState.SecretCheck.EXPIRED);
        assertThat(expired.secret().id())
                .isEqualTo(state.secretsOf(CLIENT).get(0).id());
    }

    @Test
    void secretsOfAnAccountNotInTheStateDoNotAuthenticate() {
        StoredSecret orphan = new StoredSecret(
                "bbbbbbbbbbbbbbbbbbbbbbb1",
                CLIENT,
                new byte[16],
                io.github.atlascredentials.emulator.auth.Crypto.saltedSha256(new byte[16], SEED_SECRET),
                "m",
                T0,
                T0.plusSeconds(3600),
                null);
        recording.toLoad = new Persistence.Snapshot(List.of(), List.of(), List.of(), List.of(orphan), List.of());
        recording.initialized = true;
        EmulatorState state = new EmulatorState(clock, recording, 2);
        assertThat(state.restore()).isTrue();
        assertThat(state.secretsOf(CLIENT)).hasSize(1);
        assertThat(state.checkSecret(CLIENT, SEED_SECRET).check()).isEqualTo(EmulatorState.SecretCheck.UNKNOWN);
    }

    @Test
    void seedRejectsDuplicatesAndTooManySecrets() {
        EmulatorState state = seeded(recording, 2);
        assertThatThrownBy(() -> state.load("again", seed()))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("duplicate id " + ORG);
        EmulatorState strict = new EmulatorState(clock, recording, 0);
        assertThatThrownBy(() -> strict.load(
                        "test",
                        SeedParser.parse(
                                "test",
                                ("""
                {"organizations": [{"id": "%s", "serviceAccounts": [{"clientId": "%s", "roles": ["ORG_OWNER"],
                    "secrets": [{"secret": "%s", "expiresAt": "2026-01-02T00:00:00Z"}]}]}]}
                """).formatted(ORG, CLIENT, SEED_SECRET).getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("at most 0 secrets per service account");
        assertThat(state.organization(ORG)).isPresent();
    }

    @Test
    void masksKeepOnlyTheEnds() {
        assertThat(EmulatorState.mask("mdb_sa_sk_" + "a".repeat(36) + "wxyz")).isEqualTo("mdb_sa_sk_...wxyz");
        assertThat(EmulatorState.maskPrivateKey(PRIVATE_KEY)).isEqualTo("********-****-****-444455556666");
    }

    /** Records the calls and what was written; stores nothing. */
    private static final class Recording implements Persistence {
        final List<String> calls = new ArrayList<>();
        Snapshot lastSnapshot;
        List<StoredSecret> lastSecrets;
        StoredApiKey lastKey;
        Snapshot toLoad = Snapshot.empty();
        boolean initialized;

        @Override
        public Snapshot load() {
            calls.add("load");
            return toLoad;
        }

        @Override
        public boolean initialized() {
            calls.add("initialized");
            return initialized;
        }

        @Override
        public void saveAll(Snapshot snapshot) {
            calls.add("saveAll");
            lastSnapshot = snapshot;
        }

        @Override
        public void saveSecrets(List<StoredSecret> secrets) {
            calls.add("saveSecrets");
            lastSecrets = List.copyOf(secrets);
        }

        @Override
        public void saveApiKey(StoredApiKey key) {
            calls.add("saveApiKey");
            lastKey = key;
        }

        @Override
        public void saveServiceAccount(ServiceAccount account) {
            calls.add("saveServiceAccount");
        }

        @Override
        public void removeSecret(String secretId) {
            calls.add("removeSecret");
        }

        @Override
        public void removeApiKey(String apiKeyId) {
            calls.add("removeApiKey");
        }

        @Override
        public void clear() {
            calls.add("clear");
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }
}
