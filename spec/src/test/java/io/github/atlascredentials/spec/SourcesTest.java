package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every error code, limit and rule of the spec carries its source (issue 15). */
class SourcesTest {

    @Test
    void everyErrorCodeLimitAndRuleHasASource() {
        SpecDocument spec = SpecDocument.loadMain();

        assertThat(SourceLint.violations(spec)).isEmpty();
        assertThat(SourceLint.apiErrorCodes(spec))
                .containsKeys(
                        "INVALID_ORG_ID",
                        "INVALID_GROUP_ID",
                        "INVALID_JSON_ATTRIBUTE",
                        "DATA_CONCURRENCY_ERROR",
                        "RATE_LIMITED_TOKEN_BUCKET",
                        "RATE_LIMITED");
        assertThat(SourceLint.oauthErrors(spec)).containsKeys("server_error", "access_denied", "invalid_client");
    }

    @Test
    void firesWhenALimitLosesItsSource() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root().withObject("/x-limits/maxSecretsPerServiceAccount").remove("x-source");

        assertThat(SourceLint.violations(spec)).containsExactly("limit maxSecretsPerServiceAccount has no x-source");
    }

    @Test
    void firesWhenAnErrorCodeHasNoEntry() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root()
                .withObject("/components/examples/Invented/value")
                .put("error", 400)
                .put("errorCode", "INVENTED_CODE");

        assertThat(SourceLint.violations(spec)).containsExactly("errorCode INVENTED_CODE has no entry, so no source");
    }

    @Test
    void firesOnASourceInNoKnownForm() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root().withObject("/x-error-codes/RATE_LIMITED").put("x-source", "a blog somewhere");
        spec.root().withObject("/x-oauth-errors/server_error").put("x-source", "chosen by this project: ");

        assertThat(SourceLint.violations(spec))
                .containsExactly(
                        "errorCode RATE_LIMITED has an x-source in no known form: a blog somewhere",
                        "OAuth error server_error has an x-source in no known form: chosen by this project: ");
    }

    @Test
    void firesWhenTheStatusDisagreesOrAnEntryIsUnused() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root().withObject("/x-error-codes/INVALID_ORG_ID").put("status", 400);
        spec.root()
                .withObject("/x-error-codes/NEVER_NAMED")
                .put("status", 400)
                .put("x-source", "chosen by this project: a test");

        assertThat(SourceLint.violations(spec))
                .containsExactly(
                        "errorCode INVALID_ORG_ID is answered with 404 but its entry says 400",
                        "errorCode NEVER_NAMED has an entry but the spec never names it");
    }

    @Test
    void firesWhenARuleOrADisagreementLacksItsParts() {
        SpecDocument spec = SpecDocument.loadMain();
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        spec.root().at("/components/schemas/CloudManagerSecretExpiresAfterHours/oneOf/1"))
                .remove("x-source");
        spec.root()
                .withObject("/x-limits/tokenRequestsPerMinute/x-disagreement")
                .put("value", 50)
                .put("x-source", "chosen by this project: a test of a disagreement without a switch");

        assertThat(SourceLint.violations(spec))
                .containsExactlyInAnyOrder(
                        "limit tokenRequestsPerMinute: a disagreeing source names no emulator switch",
                        "rule at #/components/schemas/CloudManagerSecretExpiresAfterHours/oneOf/1 has no x-source");
    }

    @Test
    void firesWhenACauseRestsOnNothingOrItsSourceIsInNoKnownForm() {
        SpecDocument spec = SpecDocument.loadMain();
        ((com.fasterxml.jackson.databind.node.ObjectNode) spec.root().at("/x-error-codes/ORG_NOT_FOUND/x-causes/0"))
                .remove("guess");
        ((com.fasterxml.jackson.databind.node.ObjectNode) spec.root().at("/x-error-codes/USER_UNAUTHORIZED/x-causes/1"))
                .put("x-source", "a forum post");

        assertThat(SourceLint.violations(spec))
                .containsExactly(
                        "errorCode ORG_NOT_FOUND cause \"unknown id: organization\" rests on nothing: give says, states or guess",
                        "errorCode USER_UNAUTHORIZED cause \"wrong role\" has an x-source in no known form: a forum post");
    }
}
