package io.github.atlascredentials.contract.speccheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.contract.support.PactBodies;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Enum matchers (where a spec answer still has an enum) quote their literals one metacharacter at a time, the
 * syntax every Pact implementation reads, never Java's {@code \Q...\E}. The pacts of today have no enum matcher
 * left (role names are text since issue 22), so the escaping is checked here directly.
 */
class PortableLiteralTest {

    @Test
    void metacharactersAreEscapedOneByOne() {
        String literal = "a.b|c+(d)[e]{f}^g$h*i?j-k";
        String escaped = PactBodies.portableLiteral(literal);

        assertThat(escaped)
                .doesNotContain("\\Q", "\\E")
                .isEqualTo("a\\.b\\|c\\+\\(d\\)\\[e\\]\\{f\\}\\^g\\$h\\*i\\?j\\-k");
        assertThat(Pattern.matches("^(" + escaped + "|ORG_MEMBER)$", literal)).isTrue();
        assertThat(Pattern.matches("^(" + escaped + ")$", "a-b|c")).isFalse();
    }
}
