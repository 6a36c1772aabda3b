package io.github.atlascredentials.reliability.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.client.ApiKeyRotation;
import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.PageRequest;
import io.github.atlascredentials.client.RetryPolicy;
import io.github.atlascredentials.client.RotationException;
import io.github.atlascredentials.client.SecretRotation;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.reliability.support.Answer;
import io.github.atlascredentials.reliability.support.DroppingProxy;
import io.github.atlascredentials.reliability.support.Emulators;
import io.github.atlascredentials.reliability.support.Http;
import io.github.atlascredentials.reliability.support.Seed;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many threads rotate the same accounts through one client while a watcher keeps authenticating with whichever
 * secret was published last and keeps listing the account: the account never has zero working secrets, the
 * published secret is never refused, every failure is a {@link RotationException}, and every secret left on an
 * account is one a rotation handed over or named as an orphan. With faults: the proxy loses answers after
 * forwarding and the emulator fails requests with 500.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ConcurrentRotationTest {
    private static final int THREADS = 8;

    private AtlasEmulator emulator;
    private DroppingProxy proxy;
    private Http http;
    private String adminToken;

    @BeforeEach
    void start() throws Exception {
        // The watcher asks for many tokens: the default token rate limit would refuse it.
        emulator = Emulators.inProcess(8)
                .tokenRateLimitPerMinute(1_000_000)
                .apiRateLimitPerMinute(1_000_000)
                .maxActiveTokensPerAccount(1_000_000)
                .start();
        proxy = new DroppingProxy(emulator.baseUri());
        http = new Http(emulator.baseUri(), Duration.ofSeconds(20));
        adminToken = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
    }

    @AfterEach
    void stop() {
        proxy.close();
        emulator.close();
    }

    /** A secret a rotation handed over, in the order rotations finished. */
    record Published(String id, String secret) {}

    /** What one run saw. */
    static final class Figures {
        final AtomicInteger rotations = new AtomicInteger();
        final AtomicInteger succeeded = new AtomicInteger();
        final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        final AtomicInteger raw = new AtomicInteger();
        final List<Throwable> rawExamples = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger minWorking = new AtomicInteger(Integer.MAX_VALUE);
        final AtomicInteger listings = new AtomicInteger();
        final AtomicInteger tokenChecks = new AtomicInteger();
        final AtomicInteger publishedRefused = new AtomicInteger();
        final Set<String> reportedOrphans = ConcurrentHashMap.newKeySet();
        final Set<String> handedOver = ConcurrentHashMap.newKeySet();

        void failed(RotationException e) {
            failures.computeIfAbsent(kind(e), k -> new AtomicInteger()).incrementAndGet();
            reportedOrphans.addAll(e.orphanIds());
        }

        static String kind(RotationException e) {
            String m = e.getMessage();
            if (!e.orphanIds().isEmpty()) {
                return "orphan named";
            }
            if (e.outcomeUnknown()) {
                return "outcome unknown";
            }
            String[][] kinds = {
                {"another rotator", "another rotator"},
                {"deleted again", "created, value lost, deleted again"},
                {"shows no new secret", "create failed, none created"},
                {"already has the maximum", "account full, no expired or superseded secret to name"},
                {"is not a secret of", "named secret already retired"},
                {"already being replaced", "key already being replaced through this client"},
                {"no longer exists", "old key already retired"},
                {"is still there", "delete failed, secret still there"},
                {"was refused", "refused by the service"},
            };
            for (String[] kind : kinds) {
                if (m.contains(kind[0])) {
                    return kind[1];
                }
            }
            return m.substring(0, Math.min(60, m.length())).replaceAll("[0-9a-f]{24}", "<id>");
        }

        Map<String, Integer> byKind() {
            Map<String, Integer> out = new TreeMap<>();
            failures.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }
    }

    @Test
    void eightThreadsRotatingOneAccountNeverLeaveItWithoutAWorkingSecret() throws Exception {
        Figures f = run(1, 12, 0.0);
        assertThat(f.raw.get()).as("raw exceptions: %s", f.rawExamples).isZero();
        assertThat(f.minWorking.get())
                .as("fewest unexpired secrets in a listing")
                .isGreaterThanOrEqualTo(1);
        assertThat(f.publishedRefused.get())
                .as("token requests refused with the published secret")
                .isZero();
        assertThat(f.succeeded.get()).isGreaterThan(0);
        assertThat(f.listings.get()).as("listings by the watcher").isGreaterThanOrEqualTo(10);
        assertThat(f.tokenChecks.get()).isGreaterThanOrEqualTo(10);
        Emulators.figure("rotation: " + THREADS + " threads, 1 account, " + f.rotations + " rotations, no faults: "
                + f.succeeded + " succeeded, failures " + f.byKind() + ", min working secrets " + f.minWorking
                + " in " + f.listings + " listings, " + f.tokenChecks
                + " token checks with the published secret, 0 refused,"
                + " raw exceptions " + f.raw);
    }

    // The case: [A, B], one start() with retireIfFull(A), one with retireIfFull(B), at once. Before, both
    // read [A, B] and both deleted: a listing showed zero secrets in 15 of 20 rounds.
    @Test
    void twoRotationsNamingDifferentSecretsNeverLeaveZero() throws Exception {
        String target = Seed.target(7);
        int roundsWithZero = 0;
        try (AtlasCredentialsClient direct = AtlasCredentialsClient.builder()
                        .baseUrl(emulator.baseUri().toString())
                        .credential(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET))
                        .build();
                AtlasCredentialsClient shared = AtlasCredentialsClient.builder()
                        .baseUrl(proxy.baseUrl())
                        .credential(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET))
                        .build()) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                for (int round = 0; round < 20; round++) {
                    for (ServiceAccountSecret s :
                            direct.getOrgServiceAccount(Seed.ORG_A, target).getSecrets()) {
                        direct.deleteOrgServiceAccountSecret(Seed.ORG_A, target, s.getId());
                    }
                    String a = direct.createOrgServiceAccountSecret(Seed.ORG_A, target, 48)
                            .getId();
                    String b = direct.createOrgServiceAccountSecret(Seed.ORG_A, target, 48)
                            .getId();
                    CountDownLatch go = new CountDownLatch(1);
                    AtomicBoolean done = new AtomicBoolean();
                    AtomicInteger fewest = new AtomicInteger(Integer.MAX_VALUE);
                    Future<?> watcher = pool.submit(() -> {
                        while (!done.get()) {
                            fewest.accumulateAndGet(
                                    account(target).get("secrets").size(), Math::min);
                        }
                    });
                    Future<SecretRotation.Started> first = pool.submit(() -> {
                        go.await();
                        return SecretRotation.ofOrgServiceAccount(shared, Seed.ORG_A, target)
                                .secretExpiresAfterHours(48)
                                .retireIfFull(a)
                                .build()
                                .start();
                    });
                    Future<SecretRotation.Started> second = pool.submit(() -> {
                        go.await();
                        return SecretRotation.ofOrgServiceAccount(shared, Seed.ORG_A, target)
                                .secretExpiresAfterHours(48)
                                .retireIfFull(b)
                                .build()
                                .start();
                    });
                    go.countDown();
                    SecretRotation.Started one = first.get(30, TimeUnit.SECONDS);
                    SecretRotation.Started two = second.get(30, TimeUnit.SECONDS);
                    done.set(true);
                    watcher.get(30, TimeUnit.SECONDS);
                    if (fewest.get() == 0) {
                        roundsWithZero++;
                    }
                    for (SecretRotation.Started started : List.of(one, two)) {
                        assertThat(http.tokenRequest(target, started.newSecret().getSecret())
                                        .status())
                                .as("each rotation's new secret still works")
                                .isEqualTo(200);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(roundsWithZero)
                .as("rounds in which a listing showed zero secrets")
                .isZero();
    }

    @Test
    void withLostAnswersAndServerErrorsNoZeroNoUnreportedOrphanNoRawException() throws Exception {
        Figures f = run(4, 8, 0.15);
        assertThat(f.raw.get()).as("raw exceptions: %s", f.rawExamples).isZero();
        assertThat(f.minWorking.get()).isGreaterThanOrEqualTo(1);
        assertThat(f.publishedRefused.get()).isZero();
        int unreported = 0;
        int orphans = 0;
        for (int a = 0; a < 4; a++) {
            for (JsonNode s : account(Seed.target(a)).get("secrets")) {
                String id = s.get("id").asText();
                if (!f.handedOver.contains(id)) {
                    orphans++;
                    if (!f.reportedOrphans.contains(id)) {
                        unreported++;
                    }
                }
            }
        }
        assertThat(unreported)
                .as("secrets nobody was handed and no exception named")
                .isZero();
        Emulators.figure("rotation with faults: " + THREADS + " threads, 4 accounts, " + f.rotations + " rotations, "
                + (proxy.dropped() + emulatorFaults.get()) + " faults injected (" + proxy.dropped()
                + " answers lost after forwarding, "
                + emulatorFaults.get() + " server errors): " + f.succeeded + " succeeded, failures " + f.byKind()
                + ", min working secrets " + f.minWorking + " in " + f.listings + " listings, published secret refused "
                + f.publishedRefused + " times in " + f.tokenChecks + ", orphans left " + orphans + " (all named: "
                + (unreported == 0) + "), raw exceptions " + f.raw);
    }

    private final AtomicInteger emulatorFaults = new AtomicInteger();

    private Figures run(int accounts, int roundsPerThread, double faultRate) throws Exception {
        Figures f = new Figures();
        List<AtomicReference<Published>> published = new ArrayList<>();
        List<Set<String>> superseded = new ArrayList<>();
        try (AtlasCredentialsClient seed = AtlasCredentialsClient.builder()
                .baseUrl(emulator.baseUri().toString())
                .credential(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET))
                .build()) {
            for (int a = 0; a < accounts; a++) {
                ServiceAccountSecret first = seed.createOrgServiceAccountSecret(Seed.ORG_A, Seed.target(a), 48);
                published.add(new AtomicReference<>(new Published(first.getId(), first.getSecret())));
                superseded.add(ConcurrentHashMap.newKeySet());
                f.handedOver.add(first.getId());
            }
        }
        if (faultRate > 0) {
            proxy.dropRandomly(
                    r -> r.path().contains("/secrets")
                            && (r.method().equals("POST") || r.method().equals("DELETE")),
                    faultRate);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        try (AtlasCredentialsClient shared = AtlasCredentialsClient.builder()
                .baseUrl(proxy.baseUrl())
                .credential(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET))
                .retryPolicy(RetryPolicy.of(3, Duration.ofSeconds(5), Duration.ofMillis(50)))
                .build()) {
            Future<?> watcher = pool.submit(() -> watch(accounts, published, f, done));
            List<Future<?>> rotators = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                rotators.add(pool.submit(() -> {
                    go.await();
                    java.util.Random random = new java.util.Random(thread);
                    for (int round = 0; round < roundsPerThread; round++) {
                        int a = (thread + round) % accounts;
                        if (faultRate > 0 && random.nextDouble() < faultRate / 2) {
                            emulator.failNextRequest(
                                    random.nextBoolean()
                                            ? "createOrgServiceAccountSecret"
                                            : "deleteOrgServiceAccountSecret",
                                    500,
                                    null);
                            emulatorFaults.incrementAndGet();
                        }
                        rotateOnce(shared, Seed.target(a), published.get(a), superseded.get(a), f);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> r : rotators) {
                r.get(200, TimeUnit.SECONDS);
            }
            done.set(true);
            watcher.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
            proxy.dropRandomly(r -> false, 0);
        }
        return f;
    }

    /** One rotation as a user would run it: name a superseded secret to make room, start, publish, retire. */
    private static void rotateOnce(
            AtlasCredentialsClient shared,
            String target,
            AtomicReference<Published> published,
            Set<String> superseded,
            Figures f) {
        f.rotations.incrementAndGet();
        try {
            SecretRotation.Builder builder = SecretRotation.ofOrgServiceAccount(shared, Seed.ORG_A, target)
                    .secretExpiresAfterHours(48);
            List<String> present = shared.getOrgServiceAccount(Seed.ORG_A, target).getSecrets().stream()
                    .map(ServiceAccountSecret::getId)
                    .toList();
            present.stream().filter(superseded::contains).findFirst().ifPresent(builder::retireIfFull);
            SecretRotation.Started started = builder.build().start();
            f.handedOver.add(started.newSecret().getId());
            synchronized (published) {
                // A rotation that saw the published secret (it is among its toRetire) is newer: publish its secret.
                if (started.toRetire().contains(published.get().id())) {
                    published.set(new Published(
                            started.newSecret().getId(), started.newSecret().getSecret()));
                    superseded.addAll(started.toRetire());
                } else {
                    superseded.add(started.newSecret().getId()); // finished after a newer one: never published
                }
            }
            List<String> toRetire = new ArrayList<>(started.toRetire());
            toRetire.remove(published.get().id());
            SecretRotation.ofOrgServiceAccount(shared, Seed.ORG_A, target)
                    .buildForRetiring()
                    .retire(toRetire);
            f.succeeded.incrementAndGet();
        } catch (RotationException e) {
            f.failed(e);
        } catch (RuntimeException e) {
            // A plain read by the test itself may fail under faults; only the workflow's calls are judged.
            if (e.getStackTrace().length > 0 && isWorkflow(e)) {
                f.raw.incrementAndGet();
                f.rawExamples.add(e);
            }
        }
    }

    private static boolean isWorkflow(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().endsWith("SecretRotation")
                    || frame.getClassName().endsWith("ApiKeyRotation")) {
                return true;
            }
        }
        return false;
    }

    /** Authenticates with the published secret and lists each account, until the rotators are done. */
    private void watch(int accounts, List<AtomicReference<Published>> published, Figures f, AtomicBoolean done) {
        while (!done.get()) {
            for (int a = 0; a < accounts; a++) {
                Published before = published.get(a).get();
                int status = http.tokenRequest(Seed.target(a), before.secret()).status();
                f.tokenChecks.incrementAndGet();
                if (status != 200 && published.get(a).get() == before) {
                    f.publishedRefused.incrementAndGet();
                }
                JsonNode account = account(Seed.target(a));
                OffsetDateTime now = OffsetDateTime.now();
                int working = 0;
                for (JsonNode s : account.get("secrets")) {
                    if (OffsetDateTime.parse(s.get("expiresAt").asText()).isAfter(now)) {
                        working++;
                    }
                }
                f.listings.incrementAndGet();
                f.minWorking.accumulateAndGet(working, Math::min);
            }
        }
    }

    private JsonNode account(String clientId) {
        Answer a = http.send(
                "GET",
                "/api/atlas/v2/orgs/" + Seed.ORG_A + "/serviceAccounts/" + clientId,
                null,
                "Authorization",
                "Bearer " + adminToken,
                "Accept",
                Http.ATLAS);
        assertThat(a.status()).isEqualTo(200);
        return a.json();
    }

    @Test
    void eightThreadsRotatingOneSharedApiKeyKeepOneKeyAndRaiseOnlyRotationExceptions() throws Exception {
        AtomicReference<String> current = new AtomicReference<>();
        Set<String> lineage = ConcurrentHashMap.newKeySet();
        try (AtlasCredentialsClient seed = AtlasCredentialsClient.builder()
                .baseUrl(emulator.baseUri().toString())
                .credential(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET))
                .build()) {
            current.set(seed.createAtlasOrgApiKey(Seed.ORG_A, "shared-key", List.of(OrgRoleName.ORG_MEMBER))
                    .getId());
        }
        lineage.add(current.get());
        Figures f = new Figures();
        AtomicInteger maxLive = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try (AtlasCredentialsClient shared = AtlasCredentialsClient.builder()
                .baseUrl(proxy.baseUrl())
                .credential(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET))
                .build()) {
            List<Future<?>> rotators = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                rotators.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < 3; round++) {
                        f.rotations.incrementAndGet();
                        String old = current.get();
                        try {
                            ApiKeyRotation rotation = ApiKeyRotation.ofAtlasOrgApiKey(shared, Seed.ORG_A, old)
                                    .build();
                            ApiKeyRotation.Started started = rotation.start();
                            lineage.add(started.newKey().getId());
                            current.compareAndSet(old, started.newKey().getId());
                            maxLive.accumulateAndGet(liveKeys(shared, lineage), Math::max);
                            rotation.retireOldKey();
                            f.succeeded.incrementAndGet();
                        } catch (RotationException e) {
                            f.failed(e);
                        } catch (RuntimeException e) {
                            f.raw.incrementAndGet();
                            f.rawExamples.add(e);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> r : rotators) {
                r.get(200, TimeUnit.SECONDS);
            }
            assertThat(f.raw.get()).as("raw exceptions: %s", f.rawExamples).isZero();
            assertThat(liveKeys(shared, lineage))
                    .as("keys of the shared key's line left alive")
                    .isEqualTo(1);
            assertThat(maxLive.get()).as("most keys of the line alive at once").isLessThanOrEqualTo(2);
            assertThat(f.succeeded.get()).isGreaterThan(0);
        } finally {
            pool.shutdownNow();
        }
        Emulators.figure("api key rotation: " + THREADS + " threads on one shared key, " + f.rotations + " rotations: "
                + f.succeeded + " succeeded, failures " + f.byKind() + ", at most " + maxLive + " keys alive at once,"
                + " 1 at the end, raw exceptions " + f.raw);
    }

    private static int liveKeys(AtlasCredentialsClient client, Set<String> lineage) {
        Set<String> live = new HashSet<>();
        for (ApiKey key : client.listOrgApiKeys(Seed.ORG_A, PageRequest.first(PageRequest.maxItemsPerPage()))
                .getResults()) {
            if (lineage.contains(key.getId())) {
                live.add(key.getId());
            }
        }
        return live.size();
    }
}
