package io.github.atlascredentials.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.reliability.support.Answer;
import io.github.atlascredentials.reliability.support.Emulators;
import io.github.atlascredentials.reliability.support.Http;
import io.github.atlascredentials.reliability.support.Seed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of the emulator process ({@code --data-dir}, the real two-secret limit) while threads rotate secrets
 * (create the new secret, obtain a token with it, delete the old one). After a restart on the same directory every
 * acknowledged create is there and obtains a token, every acknowledged delete is gone and its secret obtains
 * nothing; only the operations whose answer the kill cut off may have gone either way.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrashDuringRotationTest {
    private static final int ACCOUNTS = 8;
    private static final int THREADS = 4;

    enum Kind {
        CREATE,
        DELETE
    }

    enum Outcome {
        ACKNOWLEDGED,
        UNKNOWN
    }

    record Step(String clientId, Kind kind, Outcome outcome, String id, String secret) {}

    @Test
    void noAcknowledgedCreateOrDeleteIsLostByKill9DuringRotations() throws Exception {
        Path dir = Emulators.dataRoot().resolve("crash-rotation-h2");
        Files.createDirectories(dir);
        Path seed = Emulators.dataRoot().resolve("crash-rotation-seed.json");
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
            "--token-rate-limit",
            "100000"
        };

        ConcurrentLinkedQueue<Step> steps = new ConcurrentLinkedQueue<>();
        AtomicInteger rotations = new AtomicInteger();
        long loadMillis;
        ChildEmulator first = ChildEmulator.start("crash-rotation-1", options);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Http http = new Http(first.baseUri(), Duration.ofSeconds(10));
            String token = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<?>> load = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                load.add(pool.submit(() -> rotateUntilKilled(http, token, thread, stop, rotations, steps)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (rotations.get() < 60 && System.nanoTime() < deadline) {
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

        try (ChildEmulator second = ChildEmulator.start("crash-rotation-2", options)) {
            Http http = new Http(second.baseUri());
            String token = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
            int creates = 0;
            int deletes = 0;
            int cutOff = 0;
            for (int i = 0; i < ACCOUNTS; i++) {
                String clientId = Seed.target(i);
                Set<String> held = new HashSet<>();
                for (JsonNode s : http.send(
                                "GET",
                                "/api/atlas/v2/orgs/" + Seed.ORG_A + "/serviceAccounts/" + clientId,
                                null,
                                "Authorization",
                                "Bearer " + token,
                                "Accept",
                                Http.ATLAS)
                        .json()
                        .get("secrets")) {
                    held.add(s.get("id").asText());
                }
                Set<String> deletedForSure = new HashSet<>();
                Set<String> maybeDeleted = new HashSet<>();
                for (Step s : steps) {
                    if (s.clientId().equals(clientId) && s.kind() == Kind.DELETE) {
                        (s.outcome() == Outcome.ACKNOWLEDGED ? deletedForSure : maybeDeleted).add(s.id());
                    }
                }
                for (Step s : steps) {
                    if (!s.clientId().equals(clientId)) {
                        continue;
                    }
                    if (s.outcome() == Outcome.UNKNOWN) {
                        cutOff++;
                    } else if (s.kind() == Kind.CREATE) {
                        creates++;
                        if (!deletedForSure.contains(s.id()) && !maybeDeleted.contains(s.id())) {
                            assertThat(held)
                                    .as("acknowledged create of %s survives kill -9", clientId)
                                    .contains(s.id());
                            assertThat(http.tokenRequest(clientId, s.secret()).status())
                                    .isEqualTo(200);
                        }
                    } else {
                        deletes++;
                        assertThat(held)
                                .as("acknowledged delete of %s survives kill -9", clientId)
                                .doesNotContain(s.id());
                    }
                }
                for (Step s : steps) {
                    if (s.clientId().equals(clientId) && s.kind() == Kind.CREATE && deletedForSure.contains(s.id())) {
                        assertThat(http.tokenRequest(clientId, s.secret()).status())
                                .as("a deleted secret stays deleted after kill -9")
                                .isEqualTo(401);
                    }
                }
                assertThat(held.size())
                        .as("%s holds at most 2 secrets", clientId)
                        .isLessThanOrEqualTo(2);
            }
            assertThat(creates).as("creates acknowledged before the kill").isGreaterThan(0);
            assertThat(deletes).as("deletes acknowledged before the kill").isGreaterThan(0);
            Emulators.figure("crash: kill -9 after " + loadMillis + " ms of rotations on " + ACCOUNTS + " accounts ("
                    + rotations.get() + " rotations): " + creates + " creates and " + deletes
                    + " deletes acknowledged, all reflected after restart; " + cutOff + " cut off");
        }
    }

    /** Each thread rotates its own accounts: create the new secret, prove it, delete the old one. */
    private static void rotateUntilKilled(
            Http http,
            String token,
            int thread,
            AtomicBoolean stop,
            AtomicInteger rotations,
            ConcurrentLinkedQueue<Step> steps) {
        List<String> mine = new ArrayList<>();
        for (int i = thread; i < ACCOUNTS; i += THREADS) {
            mine.add(Seed.target(i));
        }
        String[] current = new String[mine.size()];
        for (int round = 0; !stop.get(); round++) {
            int slot = round % mine.size();
            String clientId = mine.get(slot);
            try {
                Answer created = http.post(
                        Seed.orgSecretPath(Seed.ORG_A, clientId),
                        "{\"secretExpiresAfterHours\":48}",
                        "Authorization",
                        "Bearer " + token,
                        "Content-Type",
                        Http.ATLAS,
                        "Accept",
                        Http.ATLAS);
                assertThat(created.status()).as("a rotation's create").isEqualTo(201);
                String id = created.json().get("id").asText();
                steps.add(new Step(
                        clientId,
                        Kind.CREATE,
                        Outcome.ACKNOWLEDGED,
                        id,
                        created.json().get("secret").asText()));
                assertThat(http.tokenRequest(
                                        clientId, created.json().get("secret").asText())
                                .status())
                        .isEqualTo(200);
                if (current[slot] != null) {
                    String old = current[slot];
                    try {
                        Answer deleted = http.send(
                                "DELETE",
                                Seed.orgSecretPath(Seed.ORG_A, clientId) + "/" + old,
                                null,
                                "Authorization",
                                "Bearer " + token,
                                "Accept",
                                Http.ATLAS);
                        assertThat(deleted.status()).as("a rotation's delete").isEqualTo(204);
                        steps.add(new Step(clientId, Kind.DELETE, Outcome.ACKNOWLEDGED, old, null));
                    } catch (Http.TransportFailure killed) {
                        steps.add(new Step(clientId, Kind.DELETE, Outcome.UNKNOWN, old, null));
                        return;
                    }
                }
                current[slot] = id;
                rotations.incrementAndGet();
            } catch (Http.TransportFailure killed) {
                steps.add(new Step(clientId, Kind.CREATE, Outcome.UNKNOWN, null, null));
                return;
            }
        }
    }
}
