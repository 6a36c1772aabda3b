package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example check catches deliberately broken examples and accepts valid ones (so it is not vacuous). */
class ExampleFixturesTest {

    private static final Pattern EXAMPLE_NAME = Pattern.compile("example '([^' ]+)[^']*' at (.+?) violates its schema");

    @Test
    void everyBrokenExampleOfTheFixtureIsReportedAndNoValidOne() {
        SpecDocument broken = SpecDocument.load(SpecDocument.fixture("broken/openapi-broken-example.yaml"));

        ExampleValidator.Report report = ExampleValidator.validate(broken);

        assertThat(failingExampleNames(report.failures()))
                .as("failures: %s", report.failures())
                .containsExactlyInAnyOrder(
                        "BadPatternThingId",
                        "BadTypeCount",
                        "BadMissingRequiredName",
                        "BadReadOnlyIdInRequest",
                        "BadInt32Overflow",
                        "BadUnknownField",
                        "BadRetryAfterNotInteger",
                        "BadNullNotNullable",
                        "BadDateTimeFormat",
                        "BadEnumValue",
                        "BadMissingRequiredReadOnlyId",
                        "example@#/components/schemas/Thing/properties/count");
    }

    @Test
    void everyExampleOfTheValidFixturePasses() {
        SpecDocument valid = SpecDocument.load(SpecDocument.fixture("valid/openapi-valid-examples.yaml"));

        ExampleValidator.Report report = ExampleValidator.validate(valid);

        assertThat(report.failures()).isEmpty();
        assertThat(report.usesChecked())
                .as("example uses found in the valid fixture")
                .isEqualTo(10);
    }

    /** Names of the failing examples; schema-level examples (all named "example") get their place too. */
    private static Set<String> failingExampleNames(List<String> failures) {
        Set<String> names = new TreeSet<>();
        for (String failure : failures) {
            Matcher matcher = EXAMPLE_NAME.matcher(failure);
            assertThat(matcher.find())
                    .as("failure names its example: %s", failure)
                    .isTrue();
            names.add(matcher.group(1).equals("example") ? "example@" + matcher.group(2) : matcher.group(1));
        }
        return names;
    }
}
