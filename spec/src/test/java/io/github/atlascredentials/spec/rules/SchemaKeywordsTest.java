package io.github.atlascredentials.spec.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule table refuses a schema keyword it cannot enforce (naming where and which), and enforces
 * the object-size, unique-item and exclusive-bound keywords the spec and the official spec use.
 */
class SchemaKeywordsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String specWithBody(String bodySchema) {
        return """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /things:
                    patch:
                      operationId: updateThing
                      requestBody:
                        content:
                          application/json:
                            schema:
                              $ref: '#/components/schemas/ThingUpdate'
                      responses:
                        '200': {description: OK}
                components:
                  schemas:
                    ThingUpdate:
                """ + bodySchema.indent(6);
    }

    private static List<Violation> violations(String bodySchema, String json) throws Exception {
        SchemaRule body = RuleTableGenerator.rulesOf(specWithBody(bodySchema))
                .requireOperation("updateThing")
                .requestBody();
        return RequestChecks.body(body, MAPPER.readTree(json));
    }

    @Test
    void anUnsupportedKeywordFailsTheGenerationNamingTheSchemaAndTheKeyword() {
        String schema = """
                type: object
                properties:
                  tags:
                    type: array
                    items: {type: string}
                    contains: {type: string, enum: [a]}
                """;
        assertThatThrownBy(() -> RuleTableGenerator.rulesOf(specWithBody(schema)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#/components/schemas/ThingUpdate/properties/tags")
                .hasMessageContaining("'contains'");
    }

    @Test
    void allOfAndASchemaForAdditionalPropertiesAreRefusedToo() {
        assertThatThrownBy(() -> RuleTableGenerator.rulesOf(specWithBody("allOf: [{type: object}]")))
                .hasMessageContaining("'allOf'");
        assertThatThrownBy(() ->
                        RuleTableGenerator.rulesOf(specWithBody("type: object\nadditionalProperties: {type: string}")))
                .hasMessageContaining("'additionalProperties'");
    }

    @Test
    void minPropertiesRefusesAnEmptyUpdateAndCountsOnlyNonNullFields() throws Exception {
        String schema = """
                type: object
                minProperties: 1
                properties:
                  desc: {type: string}
                  roles: {type: array, items: {type: string}}
                """;
        assertThat(violations(schema, "{}")).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Violation.Kind.RULE);
            assertThat(v.field()).isEqualTo("body");
            assertThat(v.rule()).isEqualTo("must have at least 1 field");
        });
        assertThat(violations(schema, "{\"desc\": null}")).hasSize(1);
        assertThat(violations(schema, "{\"desc\": \"x\"}")).isEmpty();
        assertThat(violations(schema, "{\"roles\": []}")).isEmpty();
    }

    @Test
    void maxPropertiesUniqueItemsAndExclusiveBounds() throws Exception {
        String schema = """
                type: object
                maxProperties: 1
                properties:
                  tags: {type: array, uniqueItems: true, items: {type: string}}
                  hours: {type: integer, minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true}
                """;
        assertThat(violations(schema, "{\"tags\": [\"a\"], \"hours\": 1}"))
                .singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("must have at most 1 field"));
        assertThat(violations(schema, "{\"tags\": [\"a\", \"a\"]}"))
                .singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("must not hold the same item twice"));
        assertThat(violations(schema, "{\"tags\": [\"a\", \"b\"]}")).isEmpty();
        assertThat(violations(schema, "{\"hours\": 0}"))
                .singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("must be above 0 and below 10"));
        assertThat(violations(schema, "{\"hours\": 10}")).hasSize(1);
        assertThat(violations(schema, "{\"hours\": 1}")).isEmpty();
        assertThat(violations(schema, "{\"hours\": 9}")).isEmpty();
    }

    @Test
    void theRuleTableKeepsTheNewKeywords() throws Exception {
        ApiRules rules = RuleTableGenerator.rulesOf(specWithBody("type: object\nminProperties: 1\nmaxProperties: 2"));
        ApiRules read =
                ApiRules.fromJson(new ByteArrayInputStream(rules.toJson().getBytes(StandardCharsets.UTF_8)));
        assertThat(read.requireOperation("updateThing").requestBody().minProperties())
                .isEqualTo(1);
        assertThat(read.requireOperation("updateThing").requestBody().maxProperties())
                .isEqualTo(2);
    }
}
