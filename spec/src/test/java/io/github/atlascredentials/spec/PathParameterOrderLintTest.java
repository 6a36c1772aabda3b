package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.atlascredentials.spec.SpecDocument.Operation;
import org.junit.jupiter.api.Test;

/** Path parameters are declared in the order of the URL, each exactly once. */
class PathParameterOrderLintTest {

    @Test
    void pathParametersFollowTheUrlOrder() {
        assertThat(SpecLint.pathParameterOrder(SpecDocument.loadMain())).isEmpty();
    }

    @Test
    void firesWhenTwoPathParametersAreSwapped() {
        SpecDocument spec = SpecDocument.loadMain();
        Operation operation = spec.operations().get(0);
        ArrayNode parameters = operation.node().withArray("parameters");
        JsonNode first = parameters.remove(0);
        parameters.insert(1, first);

        assertThat(SpecLint.pathParameterOrder(spec))
                .containsExactly(
                        operation.label()
                                + " declares path parameters [clientId, orgId] but the URL has [orgId, clientId] in this order");
    }

    @Test
    void firesWhenAPathParameterIsNotDeclared() {
        SpecDocument spec = SpecDocument.loadMain();
        Operation operation = spec.operations().get(3);
        operation.node().withArrayProperty("parameters").remove(0);

        assertThat(SpecLint.pathParameterOrder(spec))
                .singleElement()
                .asString()
                .contains(operation.label())
                .contains("declares path parameters []");
    }
}
