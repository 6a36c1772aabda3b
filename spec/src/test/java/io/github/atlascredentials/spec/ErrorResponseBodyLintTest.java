package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Every error answer of an API (non-OAuth) operation is an ApiError in application/json only. */
class ErrorResponseBodyLintTest {

    @Test
    void everyApiErrorResponseIsJsonApiError() {
        assertThat(SpecLint.errorResponseBodies(SpecDocument.loadMain())).isEmpty();
    }

    @Test
    void firesOnAnErrorInTheVersionedMediaType() {
        SpecDocument spec = SpecDocument.loadMain();
        ObjectNode content = spec.root().withObject("/components/responses/NotFound/content");
        content.set(
                "application/vnd.atlas.2024-08-05+json",
                content.get("application/json").deepCopy());

        // NotFound serves the API operations whose 404 is not about a secret or a key: one violation each.
        long servedByNotFound = spec.operations().stream()
                .filter(operation -> operation
                        .node()
                        .path("responses")
                        .path("404")
                        .path("$ref")
                        .asText()
                        .equals("#/components/responses/NotFound"))
                .count();
        assertThat(servedByNotFound).isPositive();
        assertThat(SpecLint.errorResponseBodies(spec))
                .hasSize((int) servedByNotFound)
                .allSatisfy(violation -> assertThat(violation)
                        .contains("response 404 has media types")
                        .contains("expected only application/json"));
    }

    @Test
    void firesOnAnErrorWithAnotherSchema() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root()
                .withObject("/components/responses/InternalServerError/content/application~1json/schema")
                .put("$ref", "#/components/schemas/OAuthError");

        // InternalServerError serves every API operation; the OAuth operations are exempt.
        assertThat(SpecLint.errorResponseBodies(spec))
                .hasSize(ErrorStatusCoverageLintTest.apiOperationCount())
                .allSatisfy(violation -> assertThat(violation).contains("response 500 has schema"));
    }
}
