package io.github.atlascredentials.reliability.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.emulator.junit.AtlasEmulatorExtension;
import io.github.atlascredentials.reliability.support.Answer;
import io.github.atlascredentials.reliability.support.Digest;
import io.github.atlascredentials.reliability.support.Emulators;
import io.github.atlascredentials.reliability.support.Http;
import io.github.atlascredentials.reliability.support.Seed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 64 threads create secrets on the same accounts, API keys in the same organization and tokens for the
 * same account, with both auth schemes at once: the limits hold exactly, nothing answers 5xx, and every
 * acknowledged credential authenticates afterwards.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConcurrentCreationTest {
    private static final int THREADS = 64;
    private static final int ACCOUNTS = 16;
    private static final int ROUNDS = 4;
    private static final int MAX_SECRETS = 2;
    /** One emulator for the class; the tests share its state on purpose (each uses its own accounts). */
    @RegisterExtension
    static final AtlasEmulatorExtension EMULATOR = AtlasEmulatorExtension.configured(Emulators.seeded(ACCOUNTS)
                    .andThen(b -> b.tokenRateLimitPerMinute(1_000_000).apiRateLimitPerMinute(1_000_000)))
            .keepingState();

    private static AtlasEmulator emulator;
    private static Http http;
    private static ExecutorService pool;

    @BeforeAll
    static void start(AtlasEmulator started) {
        emulator = started;
        http = new Http(emulator.baseUri());
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    record Created(String clientId, int status, String errorCode, String secret) {}

    @Test
    void secretLimitHoldsExactlyAndEveryAcknowledgedSecretObtainsAToken() throws Exception {
        String token = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
        ConcurrentLinkedQueue<Created> results = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        runTogether(thread -> {
            Digest digest = new Digest(http, Seed.KEY_ADMIN_A, Seed.KEY_ADMIN_A_PRIVATE);
            for (int round = 0; round < ROUNDS; round++) {
                String clientId = Seed.target((thread + round) % ACCOUNTS);
                Answer a = switch ((thread + round) % 3) {
                    case 0 ->
                        http.post(
                                Seed.orgSecretPath(Seed.ORG_A, clientId),
                                "{\"secretExpiresAfterHours\":24}",
                                "Authorization",
                                "Bearer " + token,
                                "Content-Type",
                                Http.ATLAS,
                                "Accept",
                                Http.ATLAS);
                    case 1 ->
                        digest.post(
                                Seed.cloudManagerSecretPath(Seed.ORG_A, clientId),
                                "{\"secretExpiresAfterHours\":\"24\"}",
                                "Content-Type",
                                "application/json");
                    default ->
                        http.post(
                                Seed.groupSecretPath(Seed.PROJECT_A, clientId),
                                "{\"secretExpiresAfterHours\":24}",
                                "Authorization",
                                "Bearer " + token,
                                "Content-Type",
                                Http.ATLAS);
                };
                results.add(new Created(
                        clientId,
                        a.status(),
                        a.status() == 201 ? null : a.errorCode(),
                        a.status() == 201 ? a.json().get("secret").asText() : null));
            }
        });
        long creationMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(results).hasSize(THREADS * ROUNDS);
        // A create that meets another one of the same account in progress is refused, as the real
        // service refuses it (409 DATA_CONCURRENCY_ERROR): nothing is created, the slot stays free.
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as("status").isIn(201, 400, 409));
        assertThat(results)
                .filteredOn(r -> r.status() == 400)
                .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED"));
        assertThat(results)
                .filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("DATA_CONCURRENCY_ERROR"));
        Map<String, Integer> perAccount = new HashMap<>();
        results.stream().filter(r -> r.status() == 201).forEach(r -> perAccount.merge(r.clientId(), 1, Integer::sum));
        assertThat(perAccount).hasSize(ACCOUNTS);
        assertThat(perAccount.values())
                .as("secrets created per account")
                .allSatisfy(n -> assertThat(n).isBetween(1, MAX_SECRETS));
        // One at a time, each account fills exactly its free slots: the refusals took none.
        for (int account = 0; account < ACCOUNTS; account++) {
            String clientId = Seed.target(account);
            while (true) {
                Answer a = http.post(
                        Seed.orgSecretPath(Seed.ORG_A, clientId),
                        "{\"secretExpiresAfterHours\":24}",
                        "Authorization",
                        "Bearer " + token,
                        "Content-Type",
                        Http.ATLAS,
                        "Accept",
                        Http.ATLAS);
                if (a.status() != 201) {
                    assertThat(a.errorCode()).isEqualTo("MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED");
                    break;
                }
                perAccount.merge(clientId, 1, Integer::sum);
            }
        }
        assertThat(perAccount.values()).as("secrets per account after filling").containsOnly(MAX_SECRETS);

        for (Created r : results) {
            if (r.secret() != null) {
                assertThat(http.tokenRequest(r.clientId(), r.secret()).status())
                        .as("the acknowledged secret of " + r.clientId() + " obtains a token")
                        .isEqualTo(200);
            }
        }
        Emulators.figure("concurrency: " + THREADS + " threads, " + results.size() + " secret creations on " + ACCOUNTS
                + " accounts in " + creationMillis + " ms: "
                + perAccount.values().stream().mapToInt(i -> i).sum()
                + " created (exactly " + MAX_SECRETS
                + " per account), the rest 400 MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED");
    }

    @Test
    void concurrentApiKeysAreAllDistinctAndPassDigest() throws Exception {
        String token = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        runTogether(thread -> {
            String body = "{\"desc\":\"concurrent " + thread + "\",\"roles\":[\"ORG_OWNER\"]}";
            Answer a = thread % 2 == 0
                    ? new Digest(http, Seed.KEY_ADMIN_A, Seed.KEY_ADMIN_A_PRIVATE)
                            .post(Seed.apiKeysPath(Seed.ORG_A), body, "Content-Type", "application/json")
                    : http.post(
                            Seed.apiKeysPath(Seed.ORG_A),
                            body,
                            "Authorization",
                            "Bearer " + token,
                            "Content-Type",
                            "application/json");
            answers.add(a);
        });
        assertThat(answers)
                .hasSize(THREADS)
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        Set<String> ids = new HashSet<>();
        Set<String> publicKeys = new HashSet<>();
        for (Answer a : answers) {
            ids.add(a.json().get("id").asText());
            publicKeys.add(a.json().get("publicKey").asText());
        }
        assertThat(ids).hasSize(THREADS);
        assertThat(publicKeys).hasSize(THREADS);
        // Each new key authenticates: an empty body then fails validation (400), not authentication (401).
        List<Future<Integer>> checks = new ArrayList<>();
        for (Answer a : answers) {
            String publicKey = a.json().get("publicKey").asText();
            String privateKey = a.json().get("privateKey").asText();
            checks.add(pool.submit(() -> new Digest(http, publicKey, privateKey)
                    .post(Seed.apiKeysPath(Seed.ORG_A), "{}", "Content-Type", "application/json")
                    .status()));
        }
        for (Future<Integer> check : checks) {
            assertThat(check.get(30, TimeUnit.SECONDS))
                    .as("a new API key passes Digest")
                    .isEqualTo(400);
        }
        Emulators.figure("concurrency: " + THREADS
                + " concurrent API keys created (Digest and Bearer), all distinct, all pass Digest");
    }

    @Test
    void activeTokenLimitHoldsExactlyUnderConcurrency() throws Exception {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        runTogether(thread -> {
            for (int i = 0; i < 3; i++) {
                statuses.merge(
                        http.tokenRequest(Seed.MEMBER_A, Seed.MEMBER_A_SECRET).status(), 1, Integer::sum);
            }
        });
        assertThat(statuses).containsOnlyKeys(200, 403);
        assertThat(statuses.get(200)).as("tokens issued").isEqualTo(100);
        assertThat(statuses.get(403)).isEqualTo(THREADS * 3 - 100);
        Emulators.figure(
                "concurrency: " + (THREADS * 3) + " concurrent token requests for one account: exactly 100 issued, "
                        + statuses.get(403) + " refused 403 access_denied");
    }

    /** Runs {@code work(thread)} on 64 threads released at the same instant. */
    private static void runTogether(ThreadWork work) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Void>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<Void> task = () -> {
                ready.countDown();
                go.await();
                work.run(thread);
                return null;
            };
            futures.add(pool.submit(task));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        for (Future<Void> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    private interface ThreadWork {
        void run(int thread) throws Exception;
    }
}
