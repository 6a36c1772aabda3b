package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every 429 answer tells the client how long to wait. */
class RetryAfterLintTest {
    /** The 429 answers: Atlas token bucket, token endpoint, Cloud Manager. */
    private static final java.util.List<String> TOO_MANY_REQUESTS =
            java.util.List.of("TooManyRequests", "AtlasTooManyRequests", "TokenTooManyRequests");

    @Test
    void every429DeclaresARequiredRetryAfter() {
        SpecDocument spec = SpecDocument.loadMain();

        assertThat(SpecLint.retryAfterOn429(spec)).isEmpty();
        assertThat(spec.operations())
                .allSatisfy(operation -> assertThat(
                                operation.node().path("responses").has("429"))
                        .as("%s documents 429", operation.label())
                        .isTrue());
    }

    @Test
    void firesWhenRetryAfterIsMissing() {
        SpecDocument spec = SpecDocument.loadMain();
        TOO_MANY_REQUESTS.forEach(name -> spec.root()
                .withObject("/components/responses/" + name + "/headers")
                .remove("Retry-After"));

        assertThat(SpecLint.retryAfterOn429(spec))
                .hasSize(spec.operations().size())
                .allSatisfy(violation -> assertThat(violation).endsWith("response 429 does not declare Retry-After"));
    }

    @Test
    void firesWhenRetryAfterIsOptional() {
        SpecDocument spec = SpecDocument.loadMain();
        TOO_MANY_REQUESTS.forEach(name -> spec.root()
                .withObject("/components/responses/" + name + "/headers/Retry-After")
                .put("$ref", "#/components/headers/Retry-After-Optional"));

        assertThat(SpecLint.retryAfterOn429(spec))
                .hasSize(spec.operations().size())
                .allSatisfy(violation -> assertThat(violation).endsWith("declares Retry-After as optional"));
    }
}
