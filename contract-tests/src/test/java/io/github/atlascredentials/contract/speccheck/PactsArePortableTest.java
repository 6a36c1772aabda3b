package io.github.atlascredentials.contract.speccheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.contract.support.PactFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every regex in the pact files uses only syntax that every Pact implementation reads (Pact JVM's
 * java.util.regex and the Rust core's regex crate): no {@code \Q...\E} quoting, no look-around, no
 * back-references, no possessive quantifiers or atomic groups.
 */
class PactsArePortableTest {

    @Test
    void regexesUseOnlyPortableSyntax() {
        List<String> regexes = new ArrayList<>();
        for (Path file : PactFiles.all()) {
            collect(PactFiles.read(file), regexes);
        }
        assertThat(regexes).as("regexes in the pact files").isNotEmpty();
        assertThat(regexes)
                .allSatisfy(regex -> assertThat(regex)
                        .doesNotContain("\\Q", "\\E", "(?=", "(?!", "(?<=", "(?<!", "(?>", "*+", "++", "?+")
                        .doesNotContainPattern("\\\\[1-9]"));
    }

    /**
     * Issue 22: role names are text in the spec's answers (the service adds roles), so no pact pins a role name to
     * the roles known today (an enum regex such as {@code ^(ORG_OWNER|ORG_MEMBER|...)$}): a provider answering a
     * newer role still honours the contract.
     */
    @Test
    void noPactPinsARoleNameToTheKnownRoles() {
        List<String> regexes = new ArrayList<>();
        for (Path file : PactFiles.all()) {
            collect(PactFiles.read(file), regexes);
        }
        assertThat(regexes)
                .as("regexes in the pact files")
                .isNotEmpty()
                .noneSatisfy(regex -> assertThat(regex).contains("ORG_MEMBER"));
    }

    private static void collect(JsonNode node, List<String> regexes) {
        if (node.isObject()) {
            if ("regex".equals(node.path("match").asText()) && node.has("regex")) {
                regexes.add(node.get("regex").asText());
            }
            node.fields().forEachRemaining(field -> collect(field.getValue(), regexes));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, regexes));
        }
    }
}
