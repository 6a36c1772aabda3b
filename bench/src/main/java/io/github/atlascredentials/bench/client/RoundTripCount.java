package io.github.atlascredentials.bench.client;

import io.github.atlascredentials.bench.BenchSeed;
import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.Credential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.emulator.AtlasEmulator;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.glassfish.jersey.client.authentication.HttpAuthenticationFeature;

/**
 * Counts round trips per call through a {@link CountingProxy}: Digest requests per call (client
 * vs. Jersey's own {@code HttpAuthenticationFeature.digest()}, which caches nonces per path) and
 * OAuth token requests per 1,000 calls (sequential and 8 threads).
 *
 * <p>Usage: {@code java -cp atlas-bench.jar io.github.atlascredentials.bench.client.RoundTripCount OUT.tsv [calls]}
 */
public final class RoundTripCount {
    private static final List<OrgRoleName> ROLES = List.of(OrgRoleName.ORG_MEMBER);
    private final CountingProxy proxy;
    private final List<String> rows = new ArrayList<>();

    private RoundTripCount(CountingProxy proxy) {
        this.proxy = proxy;
        rows.add(
                "scenario\tcalls\ttoken_requests\tapi_requests\tapi_401\tapi_requests_per_call\ttoken_requests_per_1000_calls");
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        try (AtlasEmulator emulator = Emulators.start();
                CountingProxy proxy = new CountingProxy(emulator.baseUri())) {
            RoundTripCount count = new RoundTripCount(proxy);
            Credential serviceAccount = ServiceAccountCredential.of(BenchSeed.OWNER_CLIENT_ID, BenchSeed.OWNER_SECRET);
            Credential apiKey = ApiKeyCredential.of(BenchSeed.API_PUBLIC_KEY, BenchSeed.API_PRIVATE_KEY);

            count.client(
                    "client, service account: Atlas secret creations, sequential",
                    serviceAccount,
                    calls,
                    1,
                    (c, i) -> c.createOrgServiceAccountSecret(BenchSeed.ORG_ID, BenchSeed.targetClientId(i), 24));
            count.client(
                    "client, service account: Atlas secret creations, 8 threads",
                    serviceAccount,
                    calls,
                    8,
                    (c, i) -> c.createOrgServiceAccountSecret(BenchSeed.ORG_ID, BenchSeed.targetClientId(i), 24));
            count.client(
                    "client, API key (Digest): Cloud Manager secret creations, 1,024 paths",
                    apiKey,
                    calls,
                    1,
                    (c, i) -> c.createCloudManagerServiceAccountSecret(
                            BenchSeed.ORG_ID, BenchSeed.targetClientId(i), 3600));
            count.client(
                    "client, API key (Digest): API key creations, one path",
                    apiKey,
                    calls,
                    1,
                    (c, i) -> c.createOrgApiKey(BenchSeed.ORG_ID, "bench " + i, ROLES));
            count.jerseyDigest(
                    "bare Jersey + HttpAuthenticationFeature.digest(): Cloud Manager secret creations, 1,024 paths",
                    calls,
                    i -> "/api/public/v1.0/orgs/" + BenchSeed.ORG_ID + "/serviceAccounts/" + BenchSeed.targetClientId(i)
                            + "/secrets/",
                    i -> "{\"secretExpiresAfterHours\":\"3600\"}");
            count.jerseyDigest(
                    "bare Jersey + HttpAuthenticationFeature.digest(): API key creations, one path",
                    calls,
                    i -> "/api/public/v1.0/orgs/" + BenchSeed.ORG_ID + "/apiKeys",
                    i -> "{\"desc\":\"bench " + i + "\",\"roles\":[\"ORG_MEMBER\"]}");
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, count.rows, StandardCharsets.UTF_8);
            count.rows.forEach(System.out::println);
        }
    }

    @FunctionalInterface
    private interface ClientCall {
        void call(AtlasCredentialsClient client, int index);
    }

    private void client(String scenario, Credential credential, int calls, int threads, ClientCall call)
            throws Exception {
        proxy.resetCounts();
        try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                .baseUrl(proxy.baseUri())
                .credential(credential)
                .build()) {
            run(calls, threads, i -> call.call(client, i));
            record(scenario, calls); // before close(): its token revocation is not a call's cost
        }
    }

    private void jerseyDigest(
            String scenario,
            int calls,
            java.util.function.IntFunction<String> path,
            java.util.function.IntFunction<String> body)
            throws Exception {
        proxy.resetCounts();
        Client jersey = ClientBuilder.newClient(BareTransports.apache5Config()
                .register(HttpAuthenticationFeature.digest(BenchSeed.API_PUBLIC_KEY, BenchSeed.API_PRIVATE_KEY)));
        try {
            URI base = proxy.baseUri();
            run(calls, 1, i -> {
                try (Response answer = jersey.target(base.resolve(path.apply(i)))
                        .request("application/json")
                        .post(Entity.entity(body.apply(i), "application/json"))) {
                    if (answer.getStatus() / 100 != 2) {
                        throw new IllegalStateException("answered " + answer.getStatus());
                    }
                }
            });
            record(scenario, calls);
        } finally {
            jersey.close();
        }
    }

    private static void run(int calls, int threads, IntConsumer call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < calls; i += threads) {
                        call.accept(i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void record(String scenario, int calls) {
        long tokens = proxy.tokenRequests.sum();
        long api = proxy.apiRequests.sum();
        rows.add(String.format(
                Locale.ROOT,
                "%s\t%d\t%d\t%d\t%d\t%.3f\t%.1f",
                scenario,
                calls,
                tokens,
                api,
                proxy.apiChallenges.sum(),
                (double) api / calls,
                tokens * 1000.0 / calls));
    }
}
