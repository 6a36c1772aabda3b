package io.github.atlascredentials.reliability.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.Credential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.reliability.support.Answer;
import io.github.atlascredentials.reliability.support.Emulators;
import io.github.atlascredentials.reliability.support.Http;
import io.github.atlascredentials.reliability.support.Seed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 48 threads share one client (default pool: 16 connections) against the real emulator; then its
 * clock jumps through {@code /_emulator/clock/advance} so that every Digest nonce or every access
 * token the client holds is refused at once. Every call must succeed within 20 s: a client whose refused answers
 * hold their connections while replaying or renewing stalls for minutes (the pool's lease timeout). The recovery
 * time is printed as a figure, not asserted (speed belongs to bench/).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnauthorizedStormTest {
    private static final int THREADS = 48;
    private AtlasEmulator emulator;
    private Http http;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        emulator = Emulators.inProcess(THREADS)
                .tokenRateLimitPerMinute(1_000_000)
                .apiRateLimitPerMinute(1_000_000)
                .start();
        http = new Http(emulator.baseUri());
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        emulator.close();
    }

    @Test
    void staleNonceStormRecoversWithoutStalling() throws Exception {
        Duration took = storm(ApiKeyCredential.of(Seed.KEY_ADMIN_A, Seed.KEY_ADMIN_A_PRIVATE), 6 * 60);
        Emulators.figure(
                "401 storm, Digest stale nonce, " + THREADS + " threads: recovered in " + took.toMillis() + " ms");
    }

    @Test
    void expiredTokenStormRecoversWithoutStalling() throws Exception {
        Duration took = storm(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET), 3601);
        Emulators.figure(
                "401 storm, OAuth expired token, " + THREADS + " threads: recovered in " + took.toMillis() + " ms");
    }

    /** Warms the client up (one create per target), moves the emulator's clock, then times one create per thread. */
    private Duration storm(Credential credential, long clockJumpSeconds) throws Exception {
        try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                .baseUrl(emulator.baseUri())
                .credential(credential)
                .build()) {
            runTogether(client);
            Answer jumped = http.post("/_emulator/clock/advance?seconds=" + clockJumpSeconds, "");
            assertThat(jumped.status()).isEqualTo(200);
            return runTogether(client);
        }
    }

    private Duration runTogether(AtlasCredentialsClient client) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String target = Seed.target(i);
            results.add(pool.submit(() -> {
                go.await();
                return client.createOrgServiceAccountSecret(Seed.ORG_A, target, 24);
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        for (Future<?> result : results) {
            assertThat(result.get(20, TimeUnit.SECONDS)).isNotNull();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
