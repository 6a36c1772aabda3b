package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.spec.SpecDocument.Operation;
import io.github.atlascredentials.spec.rules.ApiRules;
import io.github.atlascredentials.spec.rules.OperationRule;
import org.junit.jupiter.api.Test;

/** Every non-OAuth operation documents 400, 401, 403, 404, 429 and 500. */
class ErrorStatusCoverageLintTest {

    @Test
    void everyApiOperationDocumentsTheCommonErrorStatuses() {
        SpecDocument spec = SpecDocument.loadMain();

        assertThat(SpecLint.errorStatusCoverage(spec)).isEmpty();
        // Not vacuous: the lint saw every API operation of the rule table (counted there, so a new operation needs no
        // edit).
        assertThat(spec.operations())
                .filteredOn(operation -> !operation.isTagged(SpecLint.OAUTH_TAG))
                .hasSize(apiOperationCount());
    }

    /** The operations callers reach with API credentials (Bearer or Digest), as the rule table counts them. */
    static int apiOperationCount() {
        return (int) ApiRules.builtIn().operations().stream()
                .filter(rule -> rule.authentication() == OperationRule.Authentication.API_CREDENTIALS)
                .count();
    }

    @Test
    void firesWhenAnOperationDropsA429() {
        SpecDocument spec = SpecDocument.loadMain();
        Operation operation = spec.operations().get(2);
        operation.node().withObject("/responses").remove("429");

        assertThat(SpecLint.errorStatusCoverage(spec))
                .containsExactly(operation.label() + " does not document status 429");
    }

    @Test
    void oauthOperationsAreExempt() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.operations().stream()
                .filter(operation -> operation.isTagged(SpecLint.OAUTH_TAG))
                .forEach(operation -> operation.node().withObject("/responses").remove("404"));

        assertThat(SpecLint.errorStatusCoverage(spec)).isEmpty();
    }
}
