package io.github.atlascredentials.bench.client;

import io.github.atlascredentials.bench.BenchSeed;
import io.github.atlascredentials.bench.SecretCreation;
import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.auth.BearerTokenCredential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.emulator.AtlasEmulator;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Atlas secret creation ({@code POST /api/atlas/v2/orgs/{orgId}/serviceAccounts/{clientId}/secrets},
 * bearer token, 201) against an in-process emulator, four ways:
 * <ul>
 *   <li>{@code client_oauth}: {@link AtlasCredentialsClient} with a service account (managed OAuth token);</li>
 *   <li>{@code client_staticBearer}: the same client with a fixed bearer token;</li>
 *   <li>{@code bareJersey}: pre-built request bytes through a bare Jersey client on the same Apache 5 connector;</li>
 *   <li>{@code jdkHttpClient}: pre-built request bytes through {@code java.net.http.HttpClient} (HTTP/1.1).</li>
 * </ul>
 * All four rotate over the same {@value BenchSeed#TARGETS} target accounts and include the
 * emulator's own work, so the ratio client / bareJersey is the client's overhead over the wire work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ClientOverheadBenchmark {
    private static final String MEDIA_TYPE = SecretCreation.MEDIA_TYPE;
    private static final int HOURS = SecretCreation.HOURS;
    private static final byte[] BODY = SecretCreation.BODY.getBytes(StandardCharsets.UTF_8);

    private AtlasEmulator emulator;
    private AtlasCredentialsClient oauthClient;
    private AtlasCredentialsClient bearerClient;
    private Client jersey;
    private Invocation[] jerseyCalls;
    private HttpClient jdk;
    private HttpRequest[] jdkCalls;
    private String[] targets;
    private int next;

    @Setup(Level.Trial)
    public void start() {
        emulator = Emulators.start();
        URI base = emulator.baseUri();
        String token = Emulators.accessToken(base);
        oauthClient = AtlasCredentialsClient.builder()
                .baseUrl(base)
                .credential(ServiceAccountCredential.of(BenchSeed.OWNER_CLIENT_ID, BenchSeed.OWNER_SECRET))
                .build();
        bearerClient = AtlasCredentialsClient.builder()
                .baseUrl(base)
                .credential(BearerTokenCredential.of(token))
                .build();
        jersey = BareTransports.jersey();
        jdk = BareTransports.jdk();
        jerseyCalls = new Invocation[BenchSeed.TARGETS];
        jdkCalls = new HttpRequest[BenchSeed.TARGETS];
        targets = new String[BenchSeed.TARGETS];
        for (int i = 0; i < BenchSeed.TARGETS; i++) {
            targets[i] = BenchSeed.targetClientId(i);
            URI uri = base.resolve(secretsPath(targets[i]));
            jerseyCalls[i] = jersey.target(uri)
                    .request(MEDIA_TYPE)
                    .header("Authorization", "Bearer " + token)
                    .buildPost(Entity.entity(BODY, MEDIA_TYPE));
            jdkCalls[i] = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", MEDIA_TYPE)
                    .header("Content-Type", MEDIA_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(BODY))
                    .build();
        }
    }

    static String secretsPath(String clientId) {
        return "/api/atlas/v2/orgs/" + BenchSeed.ORG_ID + "/serviceAccounts/" + clientId + "/secrets";
    }

    @TearDown(Level.Trial)
    public void stop() {
        oauthClient.close();
        bearerClient.close();
        jersey.close();
        emulator.close();
    }

    private int nextTarget() {
        next = (next + 1) % BenchSeed.TARGETS;
        return next;
    }

    @Benchmark
    public ServiceAccountSecret client_oauth() {
        return oauthClient.createOrgServiceAccountSecret(BenchSeed.ORG_ID, targets[nextTarget()], HOURS);
    }

    @Benchmark
    public ServiceAccountSecret client_staticBearer() {
        return bearerClient.createOrgServiceAccountSecret(BenchSeed.ORG_ID, targets[nextTarget()], HOURS);
    }

    @Benchmark
    public byte[] bareJersey() {
        try (Response answer = jerseyCalls[nextTarget()].invoke()) {
            byte[] body = answer.readEntity(byte[].class);
            requireCreated(answer.getStatus());
            return body;
        }
    }

    @Benchmark
    public byte[] jdkHttpClient() throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = jdk.send(jdkCalls[nextTarget()], HttpResponse.BodyHandlers.ofByteArray());
        requireCreated(answer.statusCode());
        return answer.body();
    }

    private static void requireCreated(int status) {
        if (status != 201) {
            throw new IllegalStateException("expected 201, got " + status);
        }
    }
}
