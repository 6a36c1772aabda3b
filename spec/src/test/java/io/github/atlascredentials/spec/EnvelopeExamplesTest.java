package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Enveloped examples wrap a body that the operation really answers with. */
class EnvelopeExamplesTest {

    @Test
    void everyEnvelopedExampleWrapsAValidAnswer() {
        ExampleValidator.Report report = EnvelopeExampleCheck.check(SpecDocument.loadMain());

        assertThat(report.failures()).isEmpty();
        assertThat(report.usesChecked()).as("enveloped example uses").isGreaterThanOrEqualTo(2);
    }

    @Test
    void firesOnAWrappedBodyThatBreaksItsSchema() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root()
                .withObject("/components/examples/EnvelopedSecretCreated/value/content")
                .remove("expiresAt");

        assertThat(EnvelopeExampleCheck.check(spec).failures())
                .hasSize(2)
                .allSatisfy(failure -> assertThat(failure)
                        .contains("EnvelopedSecretCreated content")
                        .contains("(wrapped 201)")
                        .contains("expiresAt"));
    }

    @Test
    void firesOnAnUndocumentedWrappedStatus() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root().withObject("/components/examples/EnvelopedError/value").put("status", 418);

        assertThat(EnvelopeExampleCheck.check(spec).failures())
                .isNotEmpty()
                .allSatisfy(failure ->
                        assertThat(failure).contains("status 418 is not a documented status of the operation"));
    }
}
