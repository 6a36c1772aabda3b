package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every example of the spec, in every place it is used, validates against its schema. */
class ExamplesValidateTest {

    @Test
    void everyExampleUseValidatesAgainstItsSchema() {
        SpecDocument spec = SpecDocument.loadMain();

        ExampleValidator.Report report = ExampleValidator.validate(spec);

        assertThat(report.failures())
                .as("examples that do not match their schema")
                .isEmpty();
        // Every named component example is used at least once (the unused-components lint
        // guarantees it), so the check covers at least that many uses.
        assertThat(report.usesChecked())
                .isGreaterThanOrEqualTo(spec.components("examples").size());
    }

    @Test
    void aSeedExampleBrokenInTheSpecIsReportedByNameAndPlace() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root()
                .withObject("/components/examples/CloudManagerSecretCreated/value")
                .put("id", "not-hex");

        ExampleValidator.Report report = ExampleValidator.validate(spec);

        assertThat(report.failures())
                .singleElement()
                .satisfies(failure -> assertThat(failure)
                        .contains(
                                "example 'CloudManagerSecretCreated (#/components/examples/CloudManagerSecretCreated)'")
                        .contains(
                                "POST /api/public/v1.0/orgs/{orgId}/serviceAccounts/{clientId}/secrets/ response 201 application/json")
                        .contains("id"));
    }

    @Test
    void anExampleSharedByTwoOperationsIsCheckedInEachPlace() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root().withObject("/components/examples/AtlasSecretRequest/value").put("secretExpiresAfterHours", 7);

        ExampleValidator.Report report = ExampleValidator.validate(spec);

        // Two operations share the request body, which offers two media types.
        assertThat(report.failures())
                .hasSize(4)
                .allSatisfy(failure ->
                        assertThat(failure).contains("AtlasSecretRequest").contains("minimum"));
    }
}
