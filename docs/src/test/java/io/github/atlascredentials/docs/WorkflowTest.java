package io.github.atlascredentials.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GitHub Actions workflow runs the README's test command on JDK 17 and the scripts it names exist. */
class WorkflowTest {

    private static final Path ROOT =
            Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    @Test
    void ciRunsTheTestCommandOnJdk17WithAMavenCache() throws IOException {
        JsonNode job = new YAMLMapper()
                .readTree(ROOT.resolve(".github/workflows/ci.yml").toFile())
                .path("jobs")
                .path("verify");
        List<String> runs = new ArrayList<>();
        JsonNode setupJava = null;
        for (JsonNode step : job.path("steps")) {
            if (step.has("run")) {
                runs.add(step.get("run").asText());
            }
            if (step.path("uses").asText().startsWith("actions/setup-java@")) {
                setupJava = step.path("with");
            }
        }
        assertThat(setupJava).isNotNull();
        assertThat(setupJava.path("java-version").asText()).isEqualTo("17");
        assertThat(setupJava.path("cache").asText()).isEqualTo("maven");
        assertThat(runs)
                .anySatisfy(run -> assertThat(run.strip())
                        .startsWith("./mvnw --batch-mode")
                        .containsPattern("\\sverify(\\s|$)"));
        assertThat(runs).contains("bash docs/scripts/check-reproducible.sh");
        assertThat(job.path("env").has("PACT_BROKER_BASE_URL")).isTrue();
    }

    @Test
    void scriptsAreThereAndExecutable() {
        for (String script : List.of(
                "docs/scripts/check-reproducible.sh",
                "docs/scripts/release-spec.sh",
                "docs/scripts/release.sh",
                ".ci/gate-paths.sh")) {
            Path file = ROOT.resolve(script);
            assertThat(file).isRegularFile();
            assertThat(Files.isExecutable(file)).as(script + " is executable").isTrue();
        }
    }

    @Test
    void releasedSpecHasItsVersion() throws IOException {
        assertThat(ROOT.resolve("spec/released/openapi.yaml")).isRegularFile();
        assertThat(Files.readString(ROOT.resolve("spec/released/VERSION")).strip())
                .matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
