package io.github.atlascredentials.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.atlascredentials.contract.support.PactFiles;
import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.emulator.junit.AtlasEmulatorExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generated pacts, verified by the Pact reference verifier (the Rust core of pact-js,
 * pact-python, pact-go and the pact CLI, from the npm package {@code @pact-foundation/pact-core}
 * pinned in {@code contract-tests/pact-reference/package.json}) against the real emulator: proves the
 * pacts are portable, not only readable by Pact JVM. The emulator is started as guide 5 says (the demo
 * seed) and the verifier gets nothing but the emulator's base URL and its state-change URL
 * ({@code /_emulator/pact/provider-states}): no proxy, no request filter, no header of ours. It replays every
 * request as recorded, fixture credentials included.
 *
 * <p>Needs {@code npm ci} in {@code contract-tests/pact-reference} (CI's {@code .ci/run} does it); where
 * it has not run, the test is skipped, except on CI ({@code CI=true}), where it fails.
 */
class PactReferenceVerifierTest {

    @RegisterExtension
    static final AtlasEmulatorExtension EMULATOR = AtlasEmulatorExtension.configured(
                    builder -> builder.tokenRateLimitPerMinute(1_000))
            .keepingState();

    private static final Path TOOL = Path.of(System.getProperty("pact.reference.dir", "pact-reference"));

    @Test
    void theRustVerifierAcceptsEveryInteraction(AtlasEmulator emulator) throws Exception {
        boolean installed = Files.isDirectory(TOOL.resolve("node_modules/@pact-foundation/pact-core"));
        if (System.getenv("CI") != null) {
            assertThat(installed)
                    .as("npm ci in " + TOOL.toAbsolutePath() + " (CI must run the reference verifier)")
                    .isTrue();
        }
        assumeTrue(installed, "npm ci in contract-tests/pact-reference to run the Pact reference verifier");
        List<Path> pacts;
        try (Stream<Path> files = Files.list(PactFiles.folder())) {
            pacts = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(pacts).as("pact files written by the consumer tests").isNotEmpty();

        List<String> command = new ArrayList<>(List.of(
                "node", "verify.js", emulator.baseUri().toString(), emulator.baseUri() + ProviderStateUrl.PATH));
        pacts.forEach(pact -> command.add(pact.toAbsolutePath().toString()));
        File log = Files.createTempFile("pact-reference-verifier", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(TOOL.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().put("PACT_DO_NOT_TRACK", "true");
        Process verifier = builder.start();
        boolean finished = verifier.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log.toPath());
        System.out.println(output); // surefire keeps it in 3-provider/...-output.txt
        assertThat(finished).as("the verifier finished").isTrue();
        assertThat(verifier.exitValue()).as("reference verifier:%n%s", output).isZero();
        assertThat(output).contains("every interaction verified");
        for (String description : descriptionsIn(pacts)) {
            assertThat(output).as("the verifier replayed \"%s\"", description).contains("  " + description + " (");
        }
    }

    private static List<String> descriptionsIn(List<Path> pacts) throws java.io.IOException {
        List<String> descriptions = new ArrayList<>();
        for (Path pact : pacts) {
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(pact.toFile())
                    .path("interactions")
                    .forEach(interaction ->
                            descriptions.add(interaction.path("description").asText()));
        }
        assertThat(descriptions).as("interactions of the pacts").isNotEmpty();
        return descriptions;
    }
}
