package io.github.atlascredentials.bench.startup;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.atlascredentials.bench.SecretCreation;
import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.emulator.junit.AtlasEmulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What a test class pays for {@link AtlasEmulatorExtension}: runs test classes through the JUnit
 * Platform launcher, as a build tool does, each with {@code @ExtendWith(AtlasEmulatorExtension.class)}
 * (one in-process emulator per class) and one test that creates an Atlas secret (token request, then
 * the creation, which must answer 201). A class's time runs from JUnit starting the class to its end,
 * so it holds the emulator's start, the two requests and the stop.
 *
 * <p>Usage: {@code java -cp atlas-bench.jar io.github.atlascredentials.bench.startup.ExtensionStartup
 * OUT.tsv FORK_EPOCH_MS [LABEL]}: FORK_EPOCH_MS is when the caller started this JVM, so that the
 * first class also counts from the fork (JVM start, JUnit's own start, the class). Appends rows
 * {@code label, measure, run, ms} to OUT.tsv: {@code fork-to-first-class-end}, {@code first-class},
 * {@code later-class} (one per later class).
 */
public final class ExtensionStartup {
    private static final String SECRETS = "/api/atlas/v2/orgs/" + AtlasEmulator.DEMO_ORG_ID + "/serviceAccounts/"
            + AtlasEmulator.DEMO_TARGET_CLIENT_ID + "/secrets";
    private static final List<Class<?>> CLASSES =
            List.of(Class1.class, Class2.class, Class3.class, Class4.class, Class5.class, Class6.class);

    private ExtensionStartup() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long forkedAtMs = Long.parseLong(args[1]);
        String label = args.length > 2 ? args[2] : "default";
        Map<String, Long> startedNs = new LinkedHashMap<>();
        Map<String, Long> tookNs = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        long[] firstEndMs = {0};
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (isClass(id)) {
                    startedNs.put(id.getUniqueId(), System.nanoTime());
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failures.add(id.getDisplayName() + ": "
                            + result.getThrowable().map(Throwable::toString).orElse("?"));
                }
                if (isClass(id)) {
                    tookNs.put(id.getUniqueId(), System.nanoTime() - startedNs.get(id.getUniqueId()));
                    if (firstEndMs[0] == 0) {
                        firstEndMs[0] = System.currentTimeMillis();
                    }
                }
            }
        };
        List<ClassSelector> selectors =
                CLASSES.stream().map(c -> selectClass(c)).toList();
        LauncherDiscoveryRequest request =
                LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        LauncherFactory.create().execute(request, listener);
        if (!failures.isEmpty() || tookNs.size() != CLASSES.size()) {
            System.err.println("ExtensionStartup: " + tookNs.size() + " of " + CLASSES.size()
                    + " classes ran; failures: " + failures);
            System.exit(1);
        }
        StringBuilder rows = new StringBuilder();
        if (!Files.exists(out)) {
            rows.append("label\tmeasure\trun\tms\n");
        }
        rows.append(label)
                .append("\tfork-to-first-class-end\t1\t")
                .append(firstEndMs[0] - forkedAtMs)
                .append('\n');
        int run = 0;
        for (long ns : tookNs.values()) {
            run++;
            rows.append(label)
                    .append('\t')
                    .append(run == 1 ? "first-class" : "later-class")
                    .append('\t')
                    .append(run)
                    .append('\t')
                    .append(ns / 1_000_000)
                    .append('\n');
        }
        Files.writeString(out, rows, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static boolean isClass(TestIdentifier id) {
        return id.isContainer() && id.getUniqueId().contains("[class:");
    }

    /** The test each class runs: a token, then one Atlas secret creation that must answer 201. */
    static void createOneSecret(URI base) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String basic = Base64.getEncoder()
                .encodeToString((AtlasEmulator.DEMO_CLIENT_ID + ":" + AtlasEmulator.DEMO_CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(base.resolve("/api/oauth/token"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String accessToken = token.body().replaceAll(".*\"access_token\":\"([^\"]*)\".*", "$1");
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(base.resolve(SECRETS))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Type", SecretCreation.MEDIA_TYPE)
                        .header("Accept", SecretCreation.MEDIA_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(SecretCreation.BODY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new AssertionError("expected 201, got " + created.statusCode() + ": " + created.body());
        }
    }

    // Six test classes alike: JUnit runs each as a class of its own, each with its own emulator.
    @ExtendWith(AtlasEmulatorExtension.class)
    public static final class Class1 {
        @Test
        void createsASecret(URI base) throws Exception {
            createOneSecret(base);
        }
    }

    @ExtendWith(AtlasEmulatorExtension.class)
    public static final class Class2 {
        @Test
        void createsASecret(URI base) throws Exception {
            createOneSecret(base);
        }
    }

    @ExtendWith(AtlasEmulatorExtension.class)
    public static final class Class3 {
        @Test
        void createsASecret(URI base) throws Exception {
            createOneSecret(base);
        }
    }

    @ExtendWith(AtlasEmulatorExtension.class)
    public static final class Class4 {
        @Test
        void createsASecret(URI base) throws Exception {
            createOneSecret(base);
        }
    }

    @ExtendWith(AtlasEmulatorExtension.class)
    public static final class Class5 {
        @Test
        void createsASecret(URI base) throws Exception {
            createOneSecret(base);
        }
    }

    @ExtendWith(AtlasEmulatorExtension.class)
    public static final class Class6 {
        @Test
        void createsASecret(URI base) throws Exception {
            createOneSecret(base);
        }
    }
}
