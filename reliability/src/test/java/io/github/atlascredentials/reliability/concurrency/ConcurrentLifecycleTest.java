package io.github.atlascredentials.reliability.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.emulator.AtlasEmulator;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 64 threads create and delete secrets of the same accounts, through the three APIs and both auth schemes, while
 * readers watch: no reader ever sees more than two secrets, the answers are only the documented ones, every
 * acknowledged create and delete is reflected afterwards (the survivors obtain tokens, the deleted do not), and
 * the limit is still exact (each account then accepts exactly as many new secrets as it has free slots).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConcurrentLifecycleTest {
    private static final int THREADS = 64;
    private static final int ACCOUNTS = 8;
    private static final int ROUNDS = 6;
    private static final int MAX_SECRETS = 2;
    private static AtlasEmulator emulator;
    private static Http http;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        emulator = Emulators.inProcess(ACCOUNTS)
                .tokenRateLimitPerMinute(1_000_000)
                .apiRateLimitPerMinute(1_000_000)
                .start();
        http = new Http(emulator.baseUri());
        pool = Executors.newFixedThreadPool(THREADS + 4);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        emulator.close();
    }

    record Created(String clientId, String id, String secret) {}

    @Test
    void createsAndDeletesKeepTheLimitExactAndEveryAcknowledgedChangeIsReflected() throws Exception {
        String token = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
        ConcurrentLinkedQueue<Created> created = new ConcurrentLinkedQueue<>();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger maxSeen = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch writersDone = new CountDownLatch(THREADS);
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            int reader = r;
            readers.add(pool.submit(() -> {
                while (writersDone.getCount() > 0) {
                    String clientId = Seed.target(reads.incrementAndGet() % ACCOUNTS);
                    Answer a = http.send(
                            "GET", account(clientId), null, "Authorization", "Bearer " + token, "Accept", Http.ATLAS);
                    assertThat(a.status()).isEqualTo(200);
                    maxSeen.accumulateAndGet(a.json().get("secrets").size(), Math::max);
                    assertThat(a.text())
                            .as("reader %d sees no secret value", reader)
                            .doesNotContain("\"secret\"");
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        runTogether(thread -> {
            try {
                Digest digest = new Digest(http, Seed.KEY_ADMIN_A, Seed.KEY_ADMIN_A_PRIVATE);
                List<Created> mine = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    String clientId = Seed.target((thread + round) % ACCOUNTS);
                    Answer a = http.post(
                            Seed.orgSecretPath(Seed.ORG_A, clientId),
                            "{\"secretExpiresAfterHours\":24}",
                            "Authorization",
                            "Bearer " + token,
                            "Content-Type",
                            Http.ATLAS,
                            "Accept",
                            Http.ATLAS);
                    count(statuses, "create " + a.status() + (a.status() == 201 ? "" : " " + a.errorCode()));
                    if (a.status() == 201) {
                        Created c = new Created(
                                clientId,
                                a.json().get("id").asText(),
                                a.json().get("secret").asText());
                        created.add(c);
                        mine.add(c);
                    }
                    if ((thread + round) % 2 == 0 && !mine.isEmpty()) {
                        Created victim = mine.remove(0);
                        Answer d = switch (round % 3) {
                            case 0 ->
                                http.send(
                                        "DELETE",
                                        account(victim.clientId()) + "/secrets/" + victim.id(),
                                        null,
                                        "Authorization",
                                        "Bearer " + token,
                                        "Accept",
                                        Http.ATLAS);
                            case 1 ->
                                digest.send(
                                        "DELETE",
                                        "/api/public/v1.0/orgs/" + Seed.ORG_A + "/serviceAccounts/" + victim.clientId()
                                                + "/secrets/" + victim.id(),
                                        null,
                                        "Accept",
                                        "application/json");
                            default ->
                                http.send(
                                        "DELETE",
                                        "/api/atlas/v2/groups/" + Seed.PROJECT_A + "/serviceAccounts/"
                                                + victim.clientId() + "/secrets/" + victim.id(),
                                        null,
                                        "Authorization",
                                        "Bearer " + token,
                                        "Accept",
                                        Http.ATLAS);
                        };
                        count(statuses, "delete " + d.status());
                        if (d.status() == 204) {
                            deleted.add(victim.id());
                        }
                    }
                }
            } finally {
                writersDone.countDown();
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        for (Future<?> reader : readers) {
            reader.get(30, TimeUnit.SECONDS);
        }

        assertThat(statuses.keySet())
                .as("only documented answers")
                .allSatisfy(k -> assertThat(k)
                        .isIn(
                                "create 201",
                                "create 400 MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED",
                                // Two creations for one account at the same moment: the second is refused, nothing
                                // created.
                                "create 409 DATA_CONCURRENCY_ERROR",
                                "delete 204"));
        assertThat(maxSeen.get())
                .as("most secrets any reader saw on an account")
                .isLessThanOrEqualTo(MAX_SECRETS);
        Map<String, Set<String>> expected = new HashMap<>();
        for (Created c : created) {
            if (!deleted.contains(c.id())) {
                expected.computeIfAbsent(c.clientId(), k -> new HashSet<>()).add(c.id());
            }
        }
        int freeSlots = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            String clientId = Seed.target(i);
            Set<String> listed = new HashSet<>();
            for (JsonNode s : http.send(
                            "GET", account(clientId), null, "Authorization", "Bearer " + token, "Accept", Http.ATLAS)
                    .json()
                    .get("secrets")) {
                listed.add(s.get("id").asText());
            }
            assertThat(listed)
                    .as("secrets of %s: acknowledged creates minus acknowledged deletes", clientId)
                    .isEqualTo(expected.getOrDefault(clientId, Set.of()));
            freeSlots += MAX_SECRETS - listed.size();
            int accepted = 0;
            while (http.post(
                                    Seed.orgSecretPath(Seed.ORG_A, clientId),
                                    "{\"secretExpiresAfterHours\":24}",
                                    "Authorization",
                                    "Bearer " + token,
                                    "Content-Type",
                                    Http.ATLAS)
                            .status()
                    == 201) {
                accepted++;
            }
            assertThat(accepted).as("free slots of %s", clientId).isEqualTo(MAX_SECRETS - listed.size());
        }
        for (Created c : created) {
            assertThat(http.tokenRequest(c.clientId(), c.secret()).status())
                    .as("a %s secret", deleted.contains(c.id()) ? "deleted" : "kept")
                    .isEqualTo(deleted.contains(c.id()) ? 401 : 200);
        }
        Emulators.figure("concurrency: " + THREADS + " threads creating and deleting secrets of " + ACCOUNTS
                + " accounts in " + millis + " ms: " + created.size() + " created, " + deleted.size()
                + " deleted, answers " + new java.util.TreeMap<>(statuses) + "; " + reads.get()
                + " concurrent reads saw at most " + maxSeen.get() + " secrets; " + freeSlots
                + " free slots afterwards, each accepted exactly once");
    }

    private static String account(String clientId) {
        return "/api/atlas/v2/orgs/" + Seed.ORG_A + "/serviceAccounts/" + clientId;
    }

    private static void count(Map<String, Integer> statuses, String key) {
        statuses.merge(key, 1, Integer::sum);
    }

    private static void runTogether(ThreadWork work) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Void>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                work.run(thread);
                return null;
            }));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        for (Future<Void> f : futures) {
            f.get(90, TimeUnit.SECONDS);
        }
    }

    private interface ThreadWork {
        void run(int thread) throws Exception;
    }
}
