package io.github.atlascredentials.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The client's copy of the generator's ApiClient template (src/main/openapi-templates) drops multipart
 * support: it must stay a copy of the generator version in use, and the spec must need no multipart.
 */
class GeneratedClientTemplateTest {
    private static final Path TEMPLATE =
            Path.of("src", "main", "openapi-templates", "libraries", "jersey3", "ApiClient.mustache");

    @Test
    void theTemplateIsACopyOfTheGeneratorVersionInUse() throws Exception {
        Matcher version = Pattern.compile("generator-version: (\\S+)").matcher(Files.readString(TEMPLATE));
        assertThat(version.find())
                .as("%s names the generator version it was copied from", TEMPLATE)
                .isTrue();

        assertThat(version.group(1))
                .as("copy the new generator's ApiClient.mustache and remove multipart again")
                .isEqualTo(System.getProperty("openapi-generator.version"));
    }

    @Test
    void noOperationOfTheSpecSendsMultipart() throws Exception {
        Path spec = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "spec", "openapi.yaml");
        if (!Files.exists(spec)) {
            spec = Path.of("..", "spec", "openapi.yaml");
        }
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(spec, StandardCharsets.UTF_8));
        List<String> requestTypes = new ArrayList<>();
        root.path("paths")
                .forEach(path -> path.forEach(operation -> operation
                        .path("requestBody")
                        .path("content")
                        .fieldNames()
                        .forEachRemaining(requestTypes::add)));
        root.path("components")
                .path("requestBodies")
                .forEach(body -> body.path("content").fieldNames().forEachRemaining(requestTypes::add));

        assertThat(requestTypes).isNotEmpty().noneMatch(type -> type.startsWith("multipart/"));
    }
}
