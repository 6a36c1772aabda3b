package io.github.atlascredentials.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.reliability.support.Answer;
import io.github.atlascredentials.reliability.support.Digest;
import io.github.atlascredentials.reliability.support.Emulators;
import io.github.atlascredentials.reliability.support.Http;
import io.github.atlascredentials.reliability.support.Seed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of the emulator process (the runnable jar, {@code --data-dir}) in the middle of a load of
 * creations; after a restart on the same directory every acknowledged secret obtains a token, every
 * acknowledged API key passes Digest, and no account holds more secrets than were acknowledged plus
 * those whose answer the kill cut off.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrashSafetyTest {
    private static final int ACCOUNTS = 8;
    private static final int LIMIT = 40;
    private static final int THREADS = 8;

    enum Outcome {
        ACKNOWLEDGED,
        REFUSED,
        UNKNOWN
    }

    record Attempt(String clientId, Outcome outcome, String secret, String publicKey, String privateKey) {}

    @Test
    void everyAcknowledgedCredentialSurvivesKill9AndNothingElseAppears() throws Exception {
        Path dir = Emulators.dataRoot().resolve("crash-h2");
        Files.createDirectories(dir);
        Path seed = Emulators.dataRoot().resolve("crash-seed.json");
        Files.writeString(seed, Seed.json(ACCOUNTS), StandardCharsets.UTF_8);
        String[] options = {
            "--port",
            "0",
            "--bind",
            "127.0.0.1",
            "--data-dir",
            dir.toString(),
            "--seed",
            seed.toString(),
            "--max-secrets-per-account",
            Integer.toString(LIMIT),
            "--token-rate-limit",
            "100000"
        };

        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        String tokenBeforeCrash;
        long loadMillis;
        boolean fromJar;
        ChildEmulator first = ChildEmulator.start("crash-run-1", options);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            fromJar = first.fromJar();
            Http http = new Http(first.baseUri(), Duration.ofSeconds(10));
            tokenBeforeCrash = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger acknowledged = new AtomicInteger();
            List<Future<?>> load = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                load.add(pool.submit(
                        () -> createUntilKilled(http, tokenBeforeCrash, thread, stop, acknowledged, attempts)));
            }
            // Kill while the load runs: after enough acknowledgements, or at the latest after 5 s.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (acknowledged.get() < 150 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            first.kill9();
            loadMillis = (System.nanoTime() - started) / 1_000_000;
            stop.set(true);
            for (Future<?> f : load) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            first.close();
        }

        long restartStarted = System.nanoTime();
        try (ChildEmulator second = ChildEmulator.start("crash-run-2", options)) {
            long restartMillis = (System.nanoTime() - restartStarted) / 1_000_000;
            Http http = new Http(second.baseUri());
            assertThat(http.healthy()).isTrue();
            Map<String, int[]> perAccount = new HashMap<>(); // acknowledged, unknown
            int secrets = 0;
            int keys = 0;
            int refused = 0;
            int unknown = 0;
            for (Attempt a : attempts) {
                switch (a.outcome()) {
                    case ACKNOWLEDGED -> {
                        if (a.secret() != null) {
                            secrets++;
                            perAccount.computeIfAbsent(a.clientId(), k -> new int[2])[0]++;
                            assertThat(http.tokenRequest(a.clientId(), a.secret())
                                            .status())
                                    .as("an acknowledged secret of " + a.clientId() + " obtains a token after kill -9")
                                    .isEqualTo(200);
                        } else {
                            keys++;
                            Answer check = new Digest(http, a.publicKey(), a.privateKey())
                                    .post(Seed.apiKeysPath(Seed.ORG_A), "{}", "Content-Type", "application/json");
                            assertThat(check.status())
                                    .as("an acknowledged API key passes Digest after kill -9 (then 400 on {})")
                                    .isEqualTo(400);
                        }
                    }
                    case REFUSED -> refused++;
                    case UNKNOWN -> {
                        unknown++;
                        if (a.clientId() != null) {
                            perAccount.computeIfAbsent(a.clientId(), k -> new int[2])[1]++;
                        }
                    }
                }
            }
            assertThat(secrets).as("secrets acknowledged before the kill").isGreaterThan(0);
            assertThat(keys).as("API keys acknowledged before the kill").isGreaterThan(0);
            assertThat(http.post(
                                    Seed.orgSecretPath(Seed.ORG_A, Seed.target(0)),
                                    "{\"secretExpiresAfterHours\":8}",
                                    "Authorization",
                                    "Bearer " + tokenBeforeCrash,
                                    "Content-Type",
                                    Http.ATLAS)
                            .status())
                    .as("tokens live in memory: one issued before the crash no longer authenticates")
                    .isEqualTo(401);

            // Count what each account really holds: fill it up to the limit; nothing refused or phantom may be in it.
            String token = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
            for (String clientId : Seed.targets(ACCOUNTS)) {
                int created = 0;
                while (true) {
                    Answer a = http.post(
                            Seed.cloudManagerSecretPath(Seed.ORG_A, clientId),
                            "{\"secretExpiresAfterHours\":8}",
                            "Authorization",
                            "Bearer " + token,
                            "Content-Type",
                            "application/json");
                    if (a.status() != 201) {
                        assertThat(a.errorCode()).isEqualTo("MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED");
                        break;
                    }
                    created++;
                }
                int held = LIMIT - created;
                int[] counts = perAccount.getOrDefault(clientId, new int[2]);
                assertThat(held)
                        .as(clientId + " holds at least its acknowledged secrets")
                        .isGreaterThanOrEqualTo(counts[0]);
                assertThat(held)
                        .as(clientId + " holds nothing beyond acknowledged + cut-off creations")
                        .isLessThanOrEqualTo(counts[0] + counts[1]);
            }
            assertThat(storedMaskedValueVisible(dir))
                    .as("the H2 files are readable text (masked values are found)")
                    .isTrue();
            Emulators.figure(
                    "crash: " + (fromJar ? "runnable jar" : "class path") + ", " + THREADS + " threads, kill -9 after "
                            + loadMillis + " ms: " + secrets + " secrets + " + keys
                            + " API keys acknowledged (all authenticate after restart), "
                            + refused + " refused, " + unknown + " cut off; restart " + restartMillis + " ms");
        }
    }

    private static void createUntilKilled(
            Http http,
            String token,
            int thread,
            AtomicBoolean stop,
            AtomicInteger acknowledged,
            ConcurrentLinkedQueue<Attempt> attempts) {
        for (int i = 0; !stop.get(); i++) {
            boolean apiKey = i % 4 == 3;
            String clientId = apiKey ? null : Seed.target((thread + i) % ACCOUNTS);
            try {
                Answer a = apiKey
                        ? http.post(
                                Seed.apiKeysPath(Seed.ORG_A),
                                "{\"desc\":\"crash " + thread + "-" + i + "\",\"roles\":[\"ORG_OWNER\"]}",
                                "Authorization",
                                "Bearer " + token,
                                "Content-Type",
                                "application/json")
                        : http.post(
                                Seed.orgSecretPath(Seed.ORG_A, clientId),
                                "{\"secretExpiresAfterHours\":48}",
                                "Authorization",
                                "Bearer " + token,
                                "Content-Type",
                                Http.ATLAS);
                if (a.status() == 201) {
                    attempts.add(new Attempt(
                            clientId,
                            Outcome.ACKNOWLEDGED,
                            a.json().get("secret").asText(),
                            null,
                            null));
                    acknowledged.incrementAndGet();
                } else if (a.status() == 200) {
                    attempts.add(new Attempt(
                            null,
                            Outcome.ACKNOWLEDGED,
                            null,
                            a.json().get("publicKey").asText(),
                            a.json().get("privateKey").asText()));
                    acknowledged.incrementAndGet();
                } else {
                    assertThat(a.status()).as("no 5xx under load").isLessThan(500);
                    attempts.add(new Attempt(clientId, Outcome.REFUSED, null, null, null));
                }
            } catch (Http.TransportFailure killed) {
                attempts.add(new Attempt(clientId, Outcome.UNKNOWN, null, null, null));
                return;
            }
        }
    }

    private static boolean storedMaskedValueVisible(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("mdb_sa_sk_...")) {
                    return true;
                }
            }
        }
        return false;
    }
}
