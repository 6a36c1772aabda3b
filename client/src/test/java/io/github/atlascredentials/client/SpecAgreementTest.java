package io.github.atlascredentials.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.client.internal.UserAgent;
import io.github.atlascredentials.spec.rules.ApiRules;
import io.github.atlascredentials.spec.rules.RuleTableGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The client's request checks are the spec's, so that a spec change cannot slip by. */
class SpecAgreementTest {
    @Test
    void requestChecksUseTheRulesOfTheSpecInThisTree() throws Exception {
        Path file = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "spec", "openapi.yaml");
        if (!file.toFile().exists()) {
            file = Path.of("..", "spec", "openapi.yaml");
        }
        assertThat(ApiRules.builtIn().toJson())
                .isEqualTo(RuleTableGenerator.rulesOf(file).toJson());
    }

    @Test
    void userAgentNamesArtifactVersionPlatformAndSuffix() {
        String version = System.getProperty("build.version");
        assertThat(version)
                .as("build.version, set by the client's pom")
                .isNotBlank()
                .doesNotContain("${");
        assertThat(UserAgent.clientVersion()).isEqualTo(version);
        assertThat(UserAgent.build(" tool/1 "))
                .isEqualTo("atlas-credentials-client/" + version + " ("
                        + System.getProperty("os.name") + "; " + System.getProperty("os.arch") + ") java/"
                        + System.getProperty("java.version") + " tool/1");
    }
}
