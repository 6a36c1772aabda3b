package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The spec, and the example fixtures, parse with swagger-parser without a single message. */
class SpecParsesTest {

    @Test
    void specParsesWithoutErrorsOrWarnings() {
        SwaggerParseResult result = SpecParser.parse(SpecDocument.mainSpecPath());

        assertThat(result.getMessages())
                .as("swagger-parser messages for %s", SpecDocument.mainSpecPath())
                .isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid/openapi-valid-examples.yaml", "broken/openapi-broken-example.yaml"})
    void fixturesParseCleanlySoOnlyTheirExamplesAreAtFault(String fixture) {
        Path file = SpecDocument.fixture(fixture);

        assertThat(SpecParser.parse(file).getMessages())
                .as("swagger-parser messages for %s", file)
                .isEmpty();
    }

    @Test
    void parserReportsADanglingReference() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root().with("components").with("schemas").remove("ApiError");

        assertThat(SpecParser.parse(spec.toYaml()).getMessages())
                .as("messages when ApiError is missing")
                .anySatisfy(message -> assertThat(message).contains("ApiError"));
    }

    @Test
    void parserReportsAnOperationWithoutResponses() {
        SpecDocument spec = SpecDocument.loadMain();
        ((ObjectNode) spec.operations().get(0).node()).remove("responses");

        assertThat(SpecParser.parse(spec.toYaml()).getMessages()).isNotEmpty();
    }
}
