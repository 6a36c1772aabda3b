package io.github.atlascredentials.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written Digest auth-param parser: the same results the former regex gave, in linear time. */
class DigestHeaderParseTest {

    @Test
    void readsTokensAndQuotedStringsWithEscapes() {
        Map<String, String> p = DigestAuthenticator.parse(
                "Username=\"zmm\\\"r\", realm=\"MMS Public API\",nonce=abc , nc=00000001,qop=auth, uri=\"/a?b=c,d\"");
        assertThat(p)
                .containsEntry("username", "zmm\"r")
                .containsEntry("realm", "MMS Public API")
                .containsEntry("nonce", "abc")
                .containsEntry("nc", "00000001")
                .containsEntry("qop", "auth")
                .containsEntry("uri", "/a?b=c,d");
    }

    @Test
    void firstOccurrenceWinsAndEmptyTokenIsKept() {
        assertThat(DigestAuthenticator.parse("a=1, A=2, b="))
                .containsEntry("a", "1")
                .containsEntry("b", "");
    }

    @Test
    void stopsAtTheFirstMalformedParameter() {
        assertThat(DigestAuthenticator.parse("a=1, b=\"unclosed, c=3")).containsOnlyKeys("a");
        assertThat(DigestAuthenticator.parse("a=1 junk, c=3")).containsOnlyKeys();
        assertThat(DigestAuthenticator.parse("a=1, =2, c=3")).containsOnlyKeys("a");
        assertThat(DigestAuthenticator.parse("a=\"x\\")).isEmpty();
    }

    @Test
    void namesAreAsciiLettersDigitsUnderscoreAndHyphen() {
        assertThat(DigestAuthenticator.parse("AZaz09_-=v")).containsOnly(Map.entry("azaz09_-", "v"));
        for (String outside : new String[] {"@", "[", "`", "{", "/", ":", "."}) {
            // each is just outside one of the ranges: the name ends there, and without '=' parsing stops
            assertThat(DigestAuthenticator.parse("a" + outside + "=v, b=w"))
                    .as(outside)
                    .isEmpty();
        }
    }

    @Test
    void headerEndingInABareNameKeepsWhatCameBefore() {
        assertThat(DigestAuthenticator.parse("a=1, realm")).containsOnly(Map.entry("a", "1"));
        assertThat(DigestAuthenticator.parse("a=1, realm  ")).containsOnly(Map.entry("a", "1"));
    }

    @Test
    void hugeQuotedValuesAreParsedWithoutRecursion() {
        String huge = "u".repeat(1_000_000);
        String escaped = "\\\"".repeat(200_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(DigestAuthenticator.parse("username=\"" + huge + "\", nonce=n"))
                    .containsEntry("username", huge)
                    .containsEntry("nonce", "n");
            assertThat(DigestAuthenticator.parse("username=\"" + escaped + "\"").get("username"))
                    .hasSize(200_000);
        });
    }
}
