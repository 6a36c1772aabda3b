package io.github.atlascredentials.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.atlascredentials.client.internal.RequestValidator;
import io.github.atlascredentials.client.internal.UserAgent;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The hand-written checks and constants agree with the spec, so that a spec change cannot slip by. */
class SpecAgreementTest {
  private static JsonNode spec() throws Exception {
    Path file = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "spec", "openapi.yaml");
    if (!file.toFile().exists()) {
      file = Path.of("..", "spec", "openapi.yaml");
    }
    return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
  }

  @Test
  void pathParameterPatternsMatchTheSpec() throws Exception {
    JsonNode parameters = spec().path("components").path("parameters");
    assertThat(parameters.path("orgId").path("schema").path("pattern").asText()).isEqualTo(RequestValidator.HEX_ID.pattern());
    assertThat(parameters.path("groupId").path("schema").path("pattern").asText()).isEqualTo(RequestValidator.HEX_ID.pattern());
    assertThat(parameters.path("clientId").path("schema").path("pattern").asText()).isEqualTo(RequestValidator.CLIENT_ID.pattern());
  }

  @Test
  void cloudManagerHourBoundsMatchTheSpec() throws Exception {
    JsonNode integer = spec().path("components").path("schemas").path("CloudManagerSecretExpiresAfterHours").path("oneOf").get(0);
    assertThat(integer.path("minimum").asInt()).isEqualTo(8);
    assertThat(integer.path("maximum").asInt()).isEqualTo(8766);
  }

  @Test
  void userAgentNamesArtifactVersionPlatformAndSuffix() {
    String version = System.getProperty("build.version");
    assertThat(version).as("build.version, set by the client's pom").isNotBlank().doesNotContain("${");
    assertThat(UserAgent.clientVersion()).isEqualTo(version);
    assertThat(UserAgent.build(" tool/1 ")).isEqualTo("atlas-credentials-client/" + version + " ("
        + System.getProperty("os.name") + "; " + System.getProperty("os.arch") + ") java/"
        + System.getProperty("java.version") + " tool/1");
  }
}
