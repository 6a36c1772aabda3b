package io.github.atlascredentials.spec.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The exact bounds of the rule table that the client checks before sending and the emulator checks
 * on receipt: hours, description length in code points, integer query values, each on both sides
 * of every bound.
 */
class RequestChecksBoundsTest {
    private static final ApiRules RULES = ApiRules.builtIn();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<Violation> body(String operationId, String json) throws Exception {
        JsonNode node = MAPPER.readTree(json);
        return RequestChecks.body(RULES.requireOperation(operationId).requestBody(), node);
    }

    private static Optional<String> query(String operationId, String name, String value) {
        return RequestChecks.parameter(
                RULES.requireOperation(operationId).parameter(name).orElseThrow(), value);
    }

    @Test
    void atlasHoursAreEightTo8760() throws Exception {
        for (String op : List.of("createOrgServiceAccountSecret", "createGroupServiceAccountSecret")) {
            assertThat(body(op, "{\"secretExpiresAfterHours\": 7}"))
                    .as(op)
                    .singleElement()
                    .satisfies(v -> assertThat(v.field()).isEqualTo("secretExpiresAfterHours"));
            assertThat(body(op, "{\"secretExpiresAfterHours\": 8}")).isEmpty();
            assertThat(body(op, "{\"secretExpiresAfterHours\": 8760}")).isEmpty();
            assertThat(body(op, "{\"secretExpiresAfterHours\": 8761}"))
                    .singleElement()
                    .satisfies(v -> assertThat(v.rule()).isEqualTo("must be between 8 and 8760"));
            assertThat(body(op, "{\"secretExpiresAfterHours\": 2147483648}")).isNotEmpty();
        }
    }

    @Test
    void cloudManagerHoursAreEightTo8766AsNumberOrDigits() throws Exception {
        String op = "createCloudManagerServiceAccountSecret";
        for (String ok : List.of("8", "8766", "\"8\"", "\"8766\"", "\"3600\"")) {
            assertThat(body(op, "{\"secretExpiresAfterHours\": " + ok + "}"))
                    .as(ok)
                    .isEmpty();
        }
        for (String bad : List.of("7", "8767", "\"7\"", "\"8767\"", "\"08\"", "\"+8\"", "\"\"")) {
            assertThat(body(op, "{\"secretExpiresAfterHours\": " + bad + "}"))
                    .as(bad)
                    .hasSize(1);
        }
    }

    @Test
    void apiKeyDescriptionIsOneTo250CodePoints() throws Exception {
        String op = "createOrgApiKey";
        String emoji = "\uD83D\uDD11"; // one code point, two chars
        assertThat(body(op, desc("")))
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("desc"));
        assertThat(body(op, desc("a"))).isEmpty();
        assertThat(body(op, desc(emoji.repeat(250)))).isEmpty();
        assertThat(body(op, desc("a".repeat(251))))
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("desc"));
        assertThat(body(op, desc(emoji.repeat(251)))).hasSize(1);
    }

    @Test
    void integerQueryValuesHaveExactBoundsAndForm() {
        String op = "createOrgApiKey";
        assertThat(query(op, "pageNum", "0")).contains("must be an integer of at least 1");
        assertThat(query(op, "pageNum", "1")).isEmpty();
        assertThat(query(op, "pageNum", "+1")).isEmpty();
        assertThat(query(op, "pageNum", "2147483647")).isEmpty();
        assertThat(query(op, "pageNum", "2147483648")).contains("must be an integer of at least 1");
        assertThat(query(op, "pageNum", "00000000001")).as("eleven digits").isPresent();
        assertThat(query(op, "pageNum", "1.0")).isPresent();
        assertThat(query(op, "pageNum", "")).isPresent();
        assertThat(query(op, "itemsPerPage", "1")).isEmpty();
        assertThat(query(op, "itemsPerPage", "500")).isEmpty();
        assertThat(query(op, "itemsPerPage", "0")).contains("must be an integer between 1 and 500");
        assertThat(query(op, "itemsPerPage", "501")).contains("must be an integer between 1 and 500");
    }

    private static String desc(String value) {
        return "{\"desc\": \"" + value + "\", \"roles\": [\"ORG_MEMBER\"]}";
    }
}
