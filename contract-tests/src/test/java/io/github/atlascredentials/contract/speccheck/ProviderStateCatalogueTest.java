package io.github.atlascredentials.contract.speccheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.contract.support.PactFiles;
import io.github.atlascredentials.contract.support.Spec;
import io.github.atlascredentials.emulator.pact.PactFixtures;
import io.github.atlascredentials.emulator.pact.ProviderState;
import io.github.atlascredentials.emulator.pact.ProviderStateCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The emulator's provider-state catalogue against what depends on it: every state the pacts name (exactly),
 * the spec's examples that its fixtures repeat, and docs/6's state table, which is generated from it. Run
 * with {@code -Ddocs.update=true} to rewrite the table after a change of the catalogue.
 */
class ProviderStateCatalogueTest {
    private static final String START =
            "<!-- provider-states:start (generated from ProviderStateCatalogue by ProviderStateCatalogueTest) -->";
    private static final String END = "<!-- provider-states:end -->";

    @Test
    void everyStateThePactsUseIsInTheCatalogue() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path file : PactFiles.all()) {
            for (JsonNode interaction : PactFiles.read(file).path("interactions")) {
                interaction
                        .path("providerStates")
                        .forEach(state -> used.add(state.path("name").asText()));
            }
        }
        assertThat(used).as("provider states of the pacts").isNotEmpty();
        Set<String> known = ProviderStateCatalogue.states().stream()
                .map(ProviderState::name)
                .collect(Collectors.toSet());
        assertThat(known).as("the emulator's catalogue").containsAll(used);
    }

    @Test
    void theFixturesRepeatTheSpecsExamples() {
        Spec spec = Spec.load();
        assertThat(PactFixtures.ORG_ID).isEqualTo(spec.parameterExample("orgId"));
        assertThat(PactFixtures.GROUP_ID).isEqualTo(spec.parameterExample("groupId"));
        assertThat(PactFixtures.TARGET_CLIENT_ID).isEqualTo(spec.parameterExample("clientId"));
        assertThat(PactFixtures.EXAMPLE_SECRET_ID).isEqualTo(spec.parameterExample("secretId"));
        assertThat(PactFixtures.EXAMPLE_API_KEY_ID).isEqualTo(spec.parameterExample("apiUserId"));
        assertThat(PactFixtures.ACCESS_TOKEN)
                .isEqualTo(spec.example("AccessToken").path("access_token").asText());
    }

    @Test
    void docs6TableIsTheCatalogue() throws IOException {
        Path page = Spec.file().toAbsolutePath().getParent().getParent().resolve("docs/6-contract-testing.md");
        String text = Files.readString(page);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("%s has the marker %s", page, START).isNotNegative();
        assertThat(end).as("%s has the marker %s", page, END).isGreaterThan(start);
        String generated = START + "\n" + table() + END;
        String current = text.substring(start, end + END.length());
        if (!current.equals(generated) && Boolean.getBoolean("docs.update")) {
            Files.writeString(page, text.substring(0, start) + generated + text.substring(end + END.length()));
            return;
        }
        assertThat(current)
                .as("docs/6's state table (regenerate: ./mvnw -pl contract-tests verify -Ddocs.update=true)")
                .isEqualTo(generated);
    }

    /** One row per state: its exact name, its parameters with defaults, what it seeds. */
    static String table() {
        StringBuilder table = new StringBuilder(
                "| provider state (exact name) | params (default) | what the emulator then holds |\n|---|---|---|\n");
        for (ProviderState state : ProviderStateCatalogue.states()) {
            String params = state.parameters().isEmpty()
                    ? ""
                    : state.parameters().stream()
                            .map(p -> "`" + p.name() + "` ("
                                    + (p.defaultValue().isEmpty() ? "empty" : "`" + p.defaultValue() + "`") + "): "
                                    + p.meaning())
                            .collect(Collectors.joining("; "));
            table.append("| `")
                    .append(state.name())
                    .append("` | ")
                    .append(params)
                    .append(" | ")
                    .append(state.seeds().replace("|", "\\|"))
                    .append(" |\n");
        }
        return table.toString();
    }
}
