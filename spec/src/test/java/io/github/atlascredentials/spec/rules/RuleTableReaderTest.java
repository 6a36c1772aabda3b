package io.github.atlascredentials.spec.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tree reader reads back exactly what the writer wrote: every field, for the built table and for one using all of them. */
class RuleTableReaderTest {
    @Test
    void theBuiltTableReadsBackAsWritten() throws IOException {
        JsonNode written;
        try (InputStream in = ApiRules.class.getResourceAsStream(ApiRules.RESOURCE)) {
            written = ApiRules.MAPPER.readTree(in);
        }
        assertThat(ApiRules.MAPPER.readTree(ApiRules.builtIn().toJson())).isEqualTo(written);
        assertThat(ApiRules.builtIn().operations()).isNotEmpty();
    }

    @Test
    void everyFieldReadsBack() throws IOException {
        ErrorOverride error =
                new ErrorOverride(404, "INVALID_ORG_ID", "An invalid id {value}.", List.of("{value}"), true);
        SchemaRule item = new SchemaRule(
                "string",
                null,
                null,
                null,
                1,
                5,
                "^[a-z]+$",
                List.of("abc", "de"),
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                "a word",
                "between 1 and 5 letters",
                null);
        SchemaRule branch = new SchemaRule(
                "integer",
                "int64",
                -3L,
                9_000_000_000L,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null);
        Map<String, SchemaRule> properties = new LinkedHashMap<>();
        properties.put(
                "words",
                new SchemaRule(
                        "array", null, null, null, null, null, null, null, 1, 4, item, null, null, false, null, null,
                        null, null));
        properties.put(
                "hours",
                new SchemaRule(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        List.of(branch, item),
                        null,
                        null,
                        error));
        SchemaRule body = new SchemaRule(
                "object",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                properties,
                List.of("hours"),
                true,
                null,
                null,
                null,
                null);
        ParameterRule path = new ParameterRule("orgId", ParameterRule.Location.PATH, true, item);
        ParameterRule query = new ParameterRule("pretty", ParameterRule.Location.QUERY, false, branch);
        OperationRule operation = new OperationRule(
                "createThing",
                "POST",
                "/things/{orgId}",
                OperationRule.Authentication.CLIENT_BASIC,
                List.of("2023-01-01", "2024-08-05"),
                List.of("application/json"),
                List.of(path, query),
                body,
                "tokenRequests",
                "ORG_MEMBER");
        ApiRules all = new ApiRules(
                "9.9.9",
                List.of(operation),
                Map.of("orgId", path),
                Map.of("Body", body),
                Map.of("tokenRequests", new ApiRules.Limit(50, "requests per minute", "Token requests.")),
                Map.of(
                        "RATE_LIMITED",
                        new ErrorCodeRule(
                                429,
                                "Resource {path} is limited.",
                                List.of("path"),
                                Map.of(),
                                "observed answer: https://example.org/1")),
                Map.of(
                        "access_denied",
                        new ErrorCodeRule(
                                403,
                                "Limit reached.",
                                List.of(),
                                Map.of("OTHER", "Not yours."),
                                "chosen by this project: a test")));

        String written = all.toJson();
        ApiRules read = ApiRules.fromJson(new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)));

        assertThat(read.toJson()).isEqualTo(written);
        assertThat(read.schema("Body")
                        .requireProperty("hours")
                        .oneOf()
                        .get(1)
                        .compiledPattern()
                        .pattern())
                .isEqualTo("^[a-z]+$");
    }
}
