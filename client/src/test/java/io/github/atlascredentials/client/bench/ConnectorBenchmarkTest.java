package io.github.atlascredentials.client.bench;

import static io.github.atlascredentials.client.support.Ids.CLIENT_ID;
import static io.github.atlascredentials.client.support.Ids.ORG_ID;

import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.Connector;
import io.github.atlascredentials.client.auth.BearerTokenCredential;
import io.github.atlascredentials.client.support.TestAtlasServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures each Jersey connector the client offers (since 2.0.0 only Apache HttpClient 5; the figures of the
 * two JDK connectors it was chosen against are in docs/client-connector-benchmark.md) on this machine against the
 * in-process server over 127.0.0.1 with keep-alive. Not a pass/fail test: run with {@code ./mvnw -pl client -Pbench test};
 * the table lands in target/connector-benchmark.md.
 */
@Tag("bench")
class ConnectorBenchmarkTest {
    private static final int WARMUP = 2000;
    private static final int SEQUENTIAL = 3000;
    private static final int THREADS = 8;
    private static final int PER_THREAD = 500;
    private static final int ROUNDS = 2;

    @Test
    void compareConnectors() throws Exception {
        StringBuilder table = new StringBuilder(
                "| connector | sequential calls/s | p50 µs | p99 µs | max ms | 8 threads calls/s | first call ms |\n|---|---|---|---|---|---|---|\n");
        try (TestAtlasServer server = new TestAtlasServer()) {
            for (Connector connector : Connector.values()) {
                double bestSeq = 0;
                double bestPar = 0;
                long[] bestLatencies = null;
                long firstCallMs = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    long t0 = System.nanoTime();
                    try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                            .baseUrl(server.baseUrl())
                            .connector(connector)
                            .readTimeout(java.time.Duration.ofSeconds(2))
                            .credential(BearerTokenCredential.of("bench-token-000000"))
                            .build()) {
                        client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
                        if (round == 0) {
                            firstCallMs = (System.nanoTime() - t0) / 1_000_000;
                        }
                        for (int i = 0; i < WARMUP; i++) {
                            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
                        }
                        long[] latencies = new long[SEQUENTIAL];
                        long start = System.nanoTime();
                        for (int i = 0; i < SEQUENTIAL; i++) {
                            long s = System.nanoTime();
                            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
                            latencies[i] = (System.nanoTime() - s) / 1000;
                        }
                        double seq = SEQUENTIAL / ((System.nanoTime() - start) / 1e9);
                        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                        start = System.nanoTime();
                        List<Future<?>> futures = new ArrayList<>();
                        for (int t = 0; t < THREADS; t++) {
                            futures.add(pool.submit(() -> {
                                for (int i = 0; i < PER_THREAD; i++) {
                                    client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
                                }
                            }));
                        }
                        for (Future<?> f : futures) {
                            f.get();
                        }
                        double par = THREADS * PER_THREAD / ((System.nanoTime() - start) / 1e9);
                        pool.shutdown();
                        if (seq > bestSeq) {
                            bestSeq = seq;
                            Arrays.sort(latencies);
                            bestLatencies = latencies;
                        }
                        bestPar = Math.max(bestPar, par);
                    }
                }
                table.append(String.format(
                        java.util.Locale.ROOT,
                        "| %s | %.0f | %d | %d | %d | %.0f | %d |%n",
                        connector,
                        bestSeq,
                        bestLatencies[SEQUENTIAL / 2],
                        bestLatencies[SEQUENTIAL * 99 / 100],
                        bestLatencies[SEQUENTIAL - 1] / 1000,
                        bestPar,
                        firstCallMs));
            }
        }
        Path out = Path.of("target", "connector-benchmark.md");
        Files.writeString(out, table.toString());
        System.out.println(table);
    }
}
