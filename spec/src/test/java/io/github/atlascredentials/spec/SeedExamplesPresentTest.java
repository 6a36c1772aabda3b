package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.spec.SeedDocuments.SeedExample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every JSON example of the seed documents is in the spec as a named example. */
class SeedExamplesPresentTest {

    @Test
    void everySeedExampleIsANamedExampleOfTheSpec() {
        SeedExampleMatcher matcher = new SeedExampleMatcher(SpecDocument.loadMain());

        assertThat(matcher.missing(allSeedExamples()))
                .as("seed examples missing from the spec's named examples")
                .isEmpty();
    }

    @Test
    void thePlaceholderSubstitutionsAreDocumentedInTheSpec() {
        Map<String, String> placeholders = new SeedExampleMatcher(SpecDocument.loadMain()).placeholders();

        assertThat(placeholders).containsOnlyKeys("{ORG-ID}", "{API-KEY-ID}", "{PUBLIC-KEY}");
    }

    @Test
    void theExtractorFindsEveryJsonBodyOfEachSeedDocument() {
        // Counted by reading the documents: 000 request + 201 body; 001 and 002 request, 201 body and
        // five error bodies; 003 has no JSON; 004 curl --data body and 200 body.
        Map<String, Integer> expected = Map.of(
                "000_8cc5b68a30015f2f.txt", 2,
                "001_27dfb836659de6d4.txt", 7,
                "002_62a62e5b1fcc6802.txt", 7,
                "003_0bcc8f5319b0d174.txt", 0,
                "004_22b463a45db2753a.txt", 2);

        List<Path> files = SeedDocuments.files(SeedDocuments.copiesDir());

        assertThat(files)
                .extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        files.forEach(file -> assertThat(SeedDocuments.examplesOf(file))
                .as("JSON examples found in %s", file.getFileName())
                .hasSize(expected.get(file.getFileName().toString())));
    }

    @Test
    void theExtractorSkipsBraceBlocksThatAreNotJson() {
        String text = "curl --user \"{PUBLIC-KEY}:{PRIVATE-KEY}\" -d '{ <Payload> }' func main() { x := y{} }"
                + " --data '{ \"desc\" : \"a {ORG-ID} b\", \"roles\": [\"ORG_MEMBER\"] }'{\"error\": 401}";

        assertThat(SeedDocuments.jsonObjectsIn(text))
                .map(Object::toString)
                .containsExactly("{\"desc\":\"a {ORG-ID} b\",\"roles\":[\"ORG_MEMBER\"]}", "{\"error\":401}");
    }

    @ParameterizedTest(name = "removing {0} fails the check")
    @MethodSource("componentExamplesMatchingASeed")
    void removingAnySeedExampleFromTheSpecFailsTheCheck(String exampleName) {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root().withObject("/components/examples").remove(exampleName);

        List<String> missing = new SeedExampleMatcher(spec).missing(allSeedExamples());

        assertThat(missing)
                .as("missing seed examples after removing %s", exampleName)
                .isNotEmpty();
    }

    @Test
    void changingOneFieldOfASeedExampleFailsTheCheck() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root()
                .withObject("/components/examples/CloudManagerSecretRequest/value")
                .put("secretExpiresAfterHours", 3600); // the documentation sends the string "3600"

        assertThat(new SeedExampleMatcher(spec).missing(allSeedExamples()))
                .singleElement()
                .asString()
                .contains("000_8cc5b68a30015f2f.txt")
                .contains("\"3600\"");
    }

    /** The component examples that carry a seed value: at least the 11 distinct seed bodies. */
    static Stream<String> componentExamplesMatchingASeed() {
        SpecDocument spec = SpecDocument.loadMain();
        SeedExampleMatcher matcher = new SeedExampleMatcher(spec);
        List<String> names = allSeedExamples().stream()
                .map(seed -> matcher.findName(seed.value()))
                .filter(name -> name != null && name.startsWith("#/components/examples/"))
                .map(name -> name.substring("#/components/examples/".length()))
                .distinct()
                .toList();
        assertThat(names).as("component examples holding a seed value").hasSizeGreaterThanOrEqualTo(11);
        return names.stream();
    }

    private static List<SeedExample> allSeedExamples() {
        return SeedDocuments.files(SeedDocuments.copiesDir()).stream()
                .flatMap(file -> SeedDocuments.examplesOf(file).stream())
                .toList();
    }
}
