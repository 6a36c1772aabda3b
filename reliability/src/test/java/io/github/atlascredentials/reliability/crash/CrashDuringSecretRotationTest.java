package io.github.atlascredentials.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.RetryPolicy;
import io.github.atlascredentials.client.RotationException;
import io.github.atlascredentials.client.SecretRotation;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.reliability.support.Emulators;
import io.github.atlascredentials.reliability.support.Seed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of a {@code --data-dir} emulator while {@link SecretRotation}s run, three times on the same directory:
 * after each restart, every secret on an account is one a rotation handed over, one an exception named as an
 * orphan, or one an exception said may exist ({@code outcomeUnknown()}, the service gone before the rotation could
 * check): nothing is left unreported, and every workflow failure is a {@link RotationException}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CrashDuringSecretRotationTest {
    private static final int ACCOUNTS = 4;
    private static final int CYCLES = 3;

    @Test
    void noSecretIsLeftUnreportedByKill9DuringRotations() throws Exception {
        Files.createDirectories(Emulators.dataRoot());
        // A directory of its own per run: what an earlier run left there was handed to nobody in this one.
        Path dir = Files.createTempDirectory(Emulators.dataRoot(), "crash-secret-rotation-h2-");
        Path seed = Emulators.dataRoot().resolve("crash-secret-rotation-seed.json");
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
        Map<String, Set<String>> handedOver = new ConcurrentHashMap<>();
        Map<String, Set<String>> named = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> mayExist = new ConcurrentHashMap<>();
        for (String target : Seed.targets(ACCOUNTS)) {
            handedOver.put(target, ConcurrentHashMap.newKeySet());
            named.put(target, ConcurrentHashMap.newKeySet());
            mayExist.put(target, new AtomicInteger());
        }
        AtomicInteger rotations = new AtomicInteger();
        AtomicInteger raw = new AtomicInteger();
        List<Throwable> rawExamples = java.util.Collections.synchronizedList(new ArrayList<>());
        int leftUnreported = 0;
        int leftNamedOrMayExist = 0;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            ChildEmulator child = ChildEmulator.start("crash-secret-rotation-" + cycle, options);
            ExecutorService pool = Executors.newFixedThreadPool(ACCOUNTS);
            AtomicBoolean stop = new AtomicBoolean();
            int before = rotations.get();
            try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                    .baseUrl(child.baseUri().toString())
                    .credential(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET))
                    .retryPolicy(RetryPolicy.none())
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()) {
                List<Future<?>> load = new ArrayList<>();
                for (String target : Seed.targets(ACCOUNTS)) {
                    load.add(pool.submit(() -> rotateUntilStopped(
                            atlas,
                            target,
                            stop,
                            rotations,
                            handedOver.get(target),
                            named.get(target),
                            mayExist.get(target),
                            raw,
                            rawExamples)));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (rotations.get() - before < 30 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                child.kill9();
                stop.set(true);
                for (Future<?> f : load) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                child.close();
            }
            try (ChildEmulator restarted = ChildEmulator.start("crash-secret-rotation-" + cycle + "-check", options);
                    AtlasCredentialsClient admin = AtlasCredentialsClient.builder()
                            .baseUrl(restarted.baseUri().toString())
                            .credential(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET))
                            .build()) {
                for (String target : Seed.targets(ACCOUNTS)) {
                    int unknownHere = 0;
                    for (ServiceAccountSecret s :
                            admin.getOrgServiceAccount(Seed.ORG_A, target).getSecrets()) {
                        if (handedOver.get(target).contains(s.getId())) {
                            continue;
                        }
                        if (named.get(target).contains(s.getId())) {
                            leftNamedOrMayExist++;
                        } else if (unknownHere < mayExist.get(target).get()) {
                            unknownHere++;
                            leftNamedOrMayExist++;
                        } else {
                            leftUnreported++;
                        }
                        // Cleaned up as a user would after reading the exception, so the next cycle starts clear.
                        admin.deleteOrgServiceAccountSecret(Seed.ORG_A, target, s.getId());
                    }
                    mayExist.get(target).set(0);
                }
            }
        }
        assertThat(raw.get()).as("raw exceptions: %s", rawExamples).isZero();
        assertThat(leftUnreported)
                .as("secrets left that nobody was handed and no exception reported")
                .isZero();
        assertThat(rotations.get()).isGreaterThan(0);
        Emulators.figure("crash: kill -9 during SecretRotation, " + CYCLES + " cycles, " + ACCOUNTS + " accounts, "
                + rotations + " rotations: " + leftNamedOrMayExist + " secrets left were named by the exception"
                + " (orphan id, or outcome unknown with the ids seen before), " + leftUnreported
                + " unreported, raw exceptions " + raw);
    }

    private static void rotateUntilStopped(
            AtlasCredentialsClient atlas,
            String target,
            AtomicBoolean stop,
            AtomicInteger rotations,
            Set<String> handedOver,
            Set<String> named,
            AtomicInteger mayExist,
            AtomicInteger raw,
            List<Throwable> rawExamples) {
        while (!stop.get()) {
            try {
                SecretRotation.Started started = SecretRotation.ofOrgServiceAccount(atlas, Seed.ORG_A, target)
                        .secretExpiresAfterHours(48)
                        .build()
                        .start();
                handedOver.add(started.newSecret().getId());
                SecretRotation.ofOrgServiceAccount(atlas, Seed.ORG_A, target)
                        .buildForRetiring()
                        .retire(started.toRetire());
                rotations.incrementAndGet();
            } catch (RotationException e) {
                named.addAll(e.orphanIds());
                if (e.outcomeUnknown()) {
                    mayExist.incrementAndGet();
                }
                if (stop.get() || e.getCause() instanceof io.github.atlascredentials.client.AtlasTransportException) {
                    return; // the emulator is gone
                }
            } catch (RuntimeException e) {
                raw.incrementAndGet();
                rawExamples.add(e);
                return;
            }
        }
    }
}
