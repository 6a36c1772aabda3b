package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Every component is used, directly or through other components. */
class UnusedComponentsLintTest {

    @Test
    void everyComponentIsUsed() {
        assertThat(SpecLint.unusedComponents(SpecDocument.loadMain())).isEmpty();
    }

    @Test
    void firesOnAnUnusedComponentOfEachKind() {
        SpecDocument spec = SpecDocument.loadMain();
        ObjectNode components = spec.root().withObject("/components");
        components.withObject("/schemas").putObject("Orphan").put("type", "string");
        components.withObject("/examples").putObject("OrphanExample").put("value", 1);
        components
                .withObject("/headers")
                .putObject("X-Orphan")
                .putObject("schema")
                .put("type", "string");
        components
                .withObject("/securitySchemes")
                .putObject("OrphanKey")
                .put("type", "apiKey")
                .put("name", "k")
                .put("in", "header");

        assertThat(SpecLint.unusedComponents(spec))
                .containsExactlyInAnyOrder(
                        "#/components/schemas/Orphan is never used",
                        "#/components/examples/OrphanExample is never used",
                        "#/components/headers/X-Orphan is never used",
                        "#/components/securitySchemes/OrphanKey is never used");
    }

    @Test
    void aComponentUsedOnlyByAnUnusedComponentIsUnusedToo() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root().withObject("/components/responses").remove("ServiceUnavailable");
        spec.root().withObject("/components/responses").remove("OAuthServiceUnavailable");
        spec.operations()
                .forEach(operation -> operation.node().withObject("/responses").remove("503"));

        assertThat(SpecLint.unusedComponents(spec))
                .containsExactlyInAnyOrder(
                        "#/components/examples/ServiceUnavailable is never used",
                        "#/components/examples/OAuthTemporarilyUnavailable is never used",
                        "#/components/headers/Retry-After-Optional is never used");
    }
}
