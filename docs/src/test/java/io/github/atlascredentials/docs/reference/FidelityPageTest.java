package io.github.atlascredentials.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Fidelity page and the reference list every error code, limit and rule with its source. */
class FidelityPageTest {
    private static OpenAPI spec;
    private static List<FidelityTable.Row> rows;
    private static String markdown;
    private static String reference;

    @BeforeAll
    static void read() throws IOException {
        spec = ApiReferenceGenerator.parse(specFile());
        rows = FidelityTable.of(spec);
        Path built = Path.of(System.getProperty("api.reference.file", "target/api-reference/index.html"));
        Path md = built.resolveSibling("fidelity.md");
        markdown = Files.exists(md) ? Files.readString(md) : FidelityTable.markdown(rows, "test");
        reference = Files.exists(built) ? Files.readString(built) : ApiReferenceRenderer.render(spec, "spec/openapi.yaml", "test");
    }

    private static Path specFile() {
        Path here = Path.of(System.getProperty("spec.file", "../spec/openapi.yaml"));
        return here.toAbsolutePath().normalize();
    }

    @Test
    void everyErrorCodeOAuthErrorAndLimitIsListedWithItsSource() {
        JsonNode raw = new ObjectMapper().valueToTree(spec.getExtensions());
        for (String table : List.of("x-error-codes", "x-oauth-errors", "x-limits")) {
            raw.path(table).fields().forEachRemaining(e -> {
                String source = e.getValue().path("x-source").asText();
                assertThat(source).as(e.getKey()).isNotBlank();
                assertThat(markdown).as("fidelity.md lists " + e.getKey())
                        .contains("| `" + e.getKey() + "` |").contains(source.replace("|", "\\|"));
                assertThat(reference).as("the reference lists " + e.getKey()).contains("id=\"fidelity-" + e.getKey() + "\"");
            });
        }
        assertThat(rows).filteredOn(r -> r.kind().equals("rule")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.source()).isNotBlank());
    }

    @Test
    void chosenBehavioursAreMarkedAndDisagreementsNameBothSourcesAndTheSwitch() {
        assertThat(markdown).containsPattern("\\| `MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED` \\| 400 \\| chosen by this project: .* \\| no \\(chosen\\) \\|");
        assertThat(markdown).containsPattern("\\| `INVALID_ORG_ID` \\| 404 \\| official error list: .* \\| yes \\|");
        assertThat(markdown).contains("| `tokenRequestsPerMinute` | 50 requests per minute (documentation page: ")
                .contains("| 10 (observed answer: https://github.com/mongodb/terraform-provider-mongodbatlas/issues/3791) |")
                .contains("--token-rate-limit 10");
        assertThat(reference).contains("<section id=\"fidelity\">");
    }
}
