package io.github.atlascredentials.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No value a success answer of an API operation carries is an enumeration: the service adds values (roles) over
 * time, and a generated client must read a value it does not know as it was sent, never as {@code null} or a
 * failure (issue 22: a project role read back as {@code roleName: null}). Requests may use enums; the OAuth
 * endpoints, whose answers the token manager reads itself, are not API operations.
 */
class ResponseEnumLintTest {

    static List<String> enumsInAnswers(SpecDocument spec) {
        List<String> found = new ArrayList<>();
        for (SpecDocument.Operation op : spec.operations()) {
            if (op.path().startsWith("/api/oauth/")) {
                continue;
            }
            op.node().path("responses").fields().forEachRemaining(response -> {
                if (!response.getKey().startsWith("2")) {
                    return;
                }
                spec.resolve(response.getValue())
                        .path("content")
                        .forEach(media -> walk(
                                spec,
                                media.path("schema"),
                                op.node().path("operationId").asText() + " " + response.getKey(),
                                new HashSet<>(),
                                found));
            });
        }
        return found;
    }

    private static void walk(SpecDocument spec, JsonNode schema, String where, Set<String> seen, List<String> found) {
        if (!schema.isObject()) {
            return;
        }
        String ref = SpecDocument.refOf(schema);
        if (ref != null) {
            if (seen.add(ref)) {
                walk(spec, spec.at(ref), where + " " + ref.substring(ref.lastIndexOf('/') + 1), seen, found);
            }
            return;
        }
        if (schema.has("enum")) {
            found.add(where + " is an enum " + schema.get("enum"));
        }
        schema.path("properties")
                .fields()
                .forEachRemaining(p -> walk(spec, p.getValue(), where + "." + p.getKey(), seen, found));
        walk(spec, schema.path("items"), where + "[]", seen, found);
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(combiner).forEach(s -> walk(spec, s, where, seen, found));
        }
    }

    @Test
    void noAnswerOfAnApiOperationHoldsAnEnum() {
        assertThat(enumsInAnswers(SpecDocument.loadMain())).isEmpty();
    }

    @Test
    void firesOnAnEnumRoleNameInAnAnswer() {
        SpecDocument spec = SpecDocument.loadMain();
        spec.root()
                .withObject("/components/schemas/ApiKeyRole/properties/roleName")
                .removeAll()
                .put("$ref", "#/components/schemas/OrgRoleName");

        assertThat(enumsInAnswers(spec))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f).contains("ApiKey.roles[] ApiKeyRole.roleName OrgRoleName is an enum"));
    }
}
