package io.github.atlascredentials.reliability.leak;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.reliability.support.Emulators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The last test of the build (its own surefire run in the verify phase of the last tested module):
 * every credential the suite created, plus those other modules registered in their own
 * {@code target/leak-registry/*.sha256}, is searched for in the emulator logs, the surefire reports of
 * all modules, the pact files and the emulator data directories. One finding fails the build.
 */
class LeakScanTest {

    @Test
    void noCreatedCredentialAppearsInLogsReportsPactsOrDataFiles() throws IOException {
        Path root = Emulators.projectRoot();
        List<Path> modules;
        try (Stream<Path> children = Files.list(root)) {
            modules =
                    children.filter(p -> Files.isDirectory(p.resolve("target"))).toList();
        }
        List<Path> registries = new ArrayList<>();
        List<Path> scanned = new ArrayList<>();
        for (Path module : modules) {
            registries.add(module.resolve("target/leak-registry"));
            try (Stream<Path> targets = Files.list(module.resolve("target"))) {
                targets.filter(p -> {
                            String name = p.getFileName().toString();
                            return name.startsWith("surefire-reports")
                                    || name.startsWith("failsafe-reports")
                                    || name.equals("pacts")
                                    || name.equals("emulator-logs")
                                    || name.equals("reliability-data")
                                    || name.endsWith(".log")
                                    || name.endsWith(".txt");
                        })
                        .forEach(scanned::add);
            }
        }
        Map<String, String> needles = LeakScanner.readRegistries(registries);
        long secrets =
                needles.values().stream().filter(v -> v.startsWith("SECRET ")).count();
        long keys = needles.values().stream()
                .filter(v -> v.startsWith("PRIVATE_KEY "))
                .count();
        long tokens = needles.values().stream()
                .filter(v -> v.startsWith("ACCESS_TOKEN "))
                .count();
        assertThat(secrets).as("secrets registered by the suite (did it run?)").isGreaterThan(10);
        assertThat(keys).as("private keys registered").isGreaterThan(10);
        assertThat(tokens).as("tokens registered").isGreaterThan(10);
        assertThat(Emulators.dataRoot()).as("the crash test's data directory").isDirectory();
        assertThat(Emulators.logRoot()).as("the child emulators' logs").isDirectory();

        LeakScanner scanner = new LeakScanner(needles);
        List<LeakScanner.Finding> findings = scanner.scan(scanned, null);
        Emulators.figure("leak scan: " + needles.size() + " registered values (" + secrets + " secrets, " + keys
                + " private keys, "
                + tokens + " tokens) searched in " + scanner.filesScanned() + " files (" + scanner.bytesScanned() / 1024
                + " KiB) of " + modules.size() + " modules: " + findings.size() + " found");
        assertThat(findings)
                .as("credentials found where they must never be (masked)")
                .isEmpty();
    }
}
