package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Every operation has an operationId, a summary and exactly one declared tag. */
class OperationMetadataLintTest {

    @Test
    void everyOperationHasOperationIdSummaryAndOneDeclaredTag() {
        assertThat(SpecLint.operationMetadata(SpecDocument.loadMain())).isEmpty();
    }

    @Test
    void firesOnMissingOperationIdAndSummary() {
        SpecDocument spec = SpecDocument.loadMain();
        ObjectNode operation = (ObjectNode) spec.operations().get(0).node();
        operation.remove("operationId");
        operation.remove("summary");

        assertThat(SpecLint.operationMetadata(spec))
                .containsExactly(
                        spec.operations().get(0).label() + " has no operationId",
                        spec.operations().get(0).label() + " has no summary");
    }

    @Test
    void firesOnTwoTagsAndOnAnUndeclaredTag() {
        SpecDocument spec = SpecDocument.loadMain();
        ((ObjectNode) spec.operations().get(1).node())
                .putArray("tags")
                .add("Service Accounts")
                .add("Secrets");

        assertThat(SpecLint.operationMetadata(spec))
                .anySatisfy(violation -> assertThat(violation).contains("has 2 tags"))
                .anySatisfy(violation -> assertThat(violation).contains("'Secrets', which is not declared"));
    }

    @Test
    void firesOnARepeatedOperationId() {
        SpecDocument spec = SpecDocument.loadMain();
        ((ObjectNode) spec.operations().get(1).node()).put("operationId", "createOrgServiceAccountSecret");

        assertThat(SpecLint.operationMetadata(spec))
                .singleElement()
                .asString()
                .contains("repeats operationId createOrgServiceAccountSecret");
    }
}
