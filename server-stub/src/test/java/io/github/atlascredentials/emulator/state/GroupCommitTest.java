package io.github.atlascredentials.emulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.emulator.EmulatorClock;
import io.github.atlascredentials.emulator.seed.SeedDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a database, concurrent writes share commits: every write that returned is stored (and visible at once),
 * limits stay exact, and a delete of a write still in flight sees it.
 */
class GroupCommitTest {
    private static final String ORG = "4888442a3354817a7320eb61";
    private static final int ACCOUNTS = 8;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteIsStoredAndVisibleAndLimitsStayExact() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        int refused;
        H2Persistence store = new H2Persistence(dir, false);
        EmulatorState state = new EmulatorState(new EmulatorClock(), store, 5);
        try {
            state.load("test", seed());
            ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> limited = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 10; i++) {
                        String clientId = account((thread + i) % ACCOUNTS);
                        try {
                            EmulatorState.CreatedSecret secret = state.createSecret(clientId, 24);
                            // Acknowledged means visible: the reader's view has it already.
                            assertThat(state.hasSecret(clientId, secret.stored().id()))
                                    .isTrue();
                            created.add(secret.stored().id());
                        } catch (EmulatorState.SecretLimitReached e) {
                            limited.add(clientId);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            acknowledged.addAll(created);
            refused = limited.size();
            // 160 attempts on 8 accounts of at most 5 secrets: exactly 40 stored, 120 refused.
            assertThat(acknowledged).hasSize(ACCOUNTS * 5).doesNotHaveDuplicates();
            assertThat(refused).isEqualTo(160 - ACCOUNTS * 5);
            // A delete right after a creation finds it; after a reopen 40 - 1 secrets remain.
            state.deleteSecret(account(0), state.secretsOf(account(0)).get(0).id())
                    .orElseThrow();
            EmulatorState.CreatedSecret extra = state.createSecret(account(0), 24);
            assertThat(state.deleteSecret(account(0), extra.stored().id())).isPresent();
        } finally {
            state.close();
            store.close();
        }
        try (H2Persistence reopened = new H2Persistence(dir, false)) {
            EmulatorState restored = new EmulatorState(new EmulatorClock(), reopened, 5);
            assertThat(restored.restore()).isTrue();
            int stored = 0;
            for (int a = 0; a < ACCOUNTS; a++) {
                stored += restored.secretsOf(account(a)).size();
            }
            assertThat(stored).isEqualTo(ACCOUNTS * 5 - 1);
            restored.close();
        }
    }

    private static String account(int i) {
        return String.format("mdb_sa_id_%024x", i);
    }

    private static SeedDocument seed() {
        List<SeedDocument.ServiceAccount> accounts = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            accounts.add(new SeedDocument.ServiceAccount(
                    account(a), "account " + a, Set.of("ORG_MEMBER"), Map.of(), List.of()));
        }
        return new SeedDocument(
                List.of(new SeedDocument.Organization(ORG, "org", 8760, List.of(), accounts, List.of())));
    }
}
