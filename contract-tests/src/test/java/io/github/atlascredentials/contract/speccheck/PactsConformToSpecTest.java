package io.github.atlascredentials.contract.speccheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.atlascredentials.contract.support.Contract;
import io.github.atlascredentials.contract.support.PactFiles;
import io.github.atlascredentials.contract.support.PactFiles.HttpInteraction;
import io.github.atlascredentials.contract.support.Spec;
import io.github.atlascredentials.contract.support.SpecConformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The spec as the third party: every interaction of every pact must be one the spec allows. */
class PactsConformToSpecTest {
    private static final SpecConformance SPEC = new SpecConformance(Spec.file());

    @TestFactory
    Stream<DynamicTest> everyInteractionConformsToTheSpec() {
        List<HttpInteraction> interactions = PactFiles.interactions();
        assertThat(interactions).as("interactions in " + PactFiles.folder()).isNotEmpty();
        return interactions.stream()
                .map(i -> DynamicTest.dynamicTest(i.description(), () -> {
                    List<String> problems = SPEC.problems(i);
                    assertThat(problems)
                            .as("spec violations of interaction " + i.name())
                            .isEmpty();
                }));
    }

    @Test
    void everyPactIsOneFileOfSpecificationV4BetweenTheTwoParticipants() {
        List<Path> files = PactFiles.all();
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(Contract.CONSUMER + "-" + Contract.PROVIDER + ".json");
        for (Path file : files) {
            JsonNode pact = PactFiles.read(file);
            assertThat(pact.at("/metadata/pactSpecification/version").asText())
                    .as(file.toString())
                    .isEqualTo("4.0");
        }
    }

    /** A spec change that the recorded interactions no longer fit fails them, each by name. */
    @Test
    void aNarrowedSpecIsReportedWithTheInteractionsItBreaks(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(Spec.file());
        String narrowed = yaml.replace("minimum: 8\n          maximum: 8760", "minimum: 12\n          maximum: 8760");
        assertThat(narrowed).as("the mutation applies").isNotEqualTo(yaml);
        Path file = Files.writeString(dir.resolve("openapi.yaml"), narrowed);
        SpecConformance check = new SpecConformance(file);
        List<String> problems = PactFiles.interactions().stream()
                .flatMap(i -> check.problems(i).stream())
                .toList();
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("createOrgServiceAccountSecret: a first secret")
                        .contains("minimum"))
                .anySatisfy(p -> assertThat(p).contains("createGroupServiceAccountSecret: a first secret"));
    }

    /** The check can fail: a pattern, a type and a media type broken in a recorded interaction are caught. */
    @Test
    void aBrokenInteractionIsReportedByName() {
        HttpInteraction created = PactFiles.interactions().stream()
                .filter(i -> i.response().path("status").asInt() == 201)
                .findFirst()
                .orElseThrow();
        ObjectNode response = created.response().deepCopy();
        ((ObjectNode) response.path("body").path("content")).put("id", "not-a-hex-id");
        HttpInteraction badId = new HttpInteraction(
                created.pactFile(), created.description(), created.providerStates(), created.request(), response);
        assertThat(SPEC.problems(badId))
                .anySatisfy(p -> assertThat(p).contains(created.description()).contains("pattern"));

        ObjectNode request = created.request().deepCopy();
        ((ObjectNode) request.path("body").path("content")).put("secretExpiresAfterHours", "eight");
        HttpInteraction badType = new HttpInteraction(
                created.pactFile(), created.description(), created.providerStates(), request, created.response());
        assertThat(SPEC.problems(badType)).isNotEmpty();

        ObjectNode typed = created.response().deepCopy();
        ((ObjectNode) typed.path("headers")).putArray("Content-Type").add("text/plain");
        HttpInteraction badType2 = new HttpInteraction(
                created.pactFile(), created.description(), created.providerStates(), created.request(), typed);
        assertThat(SPEC.problems(badType2)).isNotEmpty();
    }
}
