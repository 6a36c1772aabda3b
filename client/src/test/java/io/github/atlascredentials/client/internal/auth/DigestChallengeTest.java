package io.github.atlascredentials.client.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.BearerTokenCredential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which challenges are answered and the exact Authorization value: RFC 7616 with MD5, opaque echoed. */
class DigestChallengeTest {
    private static final ApiKeyCredential KEY = ApiKeyCredential.of("zmmrboas", "0d7e4a5c-1b2f-4c3d-9e8f-db2c132ca78d");
    private static final Pattern PARAM = Pattern.compile("([a-z]+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    @Test
    void onlyMd5DigestChallengesWithANonceAreAnswered() {
        assertThat(DigestChallenge.parse(null)).isNull();
        assertThat(DigestChallenge.parse("Basic realm=\"x\"")).isNull();
        assertThat(DigestChallenge.parse("Digest")).isNull();
        assertThat(DigestChallenge.parse("Digest realm=\"x\"")).isNull();
        assertThat(DigestChallenge.parse("Digest nonce=\"n\", algorithm=SHA-256"))
                .isNull();
        assertThat(DigestChallenge.parse("Digest nonce=\"n\", algorithm=md5")).isNotNull();
        assertThat(DigestChallenge.parse("dIGEST nonce=n")).isNotNull();
    }

    @Test
    void staleFlagIsReadCaseInsensitively() {
        assertThat(DigestChallenge.parse("Digest nonce=\"n\", stale=TRUE").stale())
                .isTrue();
        assertThat(DigestChallenge.parse("Digest nonce=\"n\", stale=false").stale())
                .isFalse();
        assertThat(DigestChallenge.parse("Digest nonce=\"n\"").stale()).isFalse();
    }

    @Test
    void qopAuthAnswerCarriesCountsAndEchoesOpaque() {
        DigestChallenge challenge = DigestChallenge.parse(
                "Digest realm=\"MMS \\Public API\", NONCE=\"abc\", qop=\"auth-int, auth\", opaque=\"op-1\"");
        String first = challenge.authorize(KEY, "POST", "/api/x?y=1");
        Map<String, String> p = params(first);
        assertThat(first)
                .startsWith(
                        "Digest username=\"zmmrboas\", realm=\"MMS Public API\", nonce=\"abc\", uri=\"/api/x?y=1\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"");
        assertThat(p.get("cnonce")).matches("[0-9a-f]{16}");
        assertThat(p).containsEntry("opaque", "op-1");
        String ha1 = DigestChallenge.md5("zmmrboas:MMS Public API:" + KEY.privateKey());
        String ha2 = DigestChallenge.md5("POST:/api/x?y=1");
        assertThat(p.get("response"))
                .isEqualTo(DigestChallenge.md5(ha1 + ":abc:00000001:" + p.get("cnonce") + ":auth:" + ha2));
        assertThat(first).endsWith(", response=\"" + p.get("response") + "\", opaque=\"op-1\"");
        Map<String, String> second = params(challenge.authorize(KEY, "GET", "/"));
        assertThat(second).containsEntry("nc", "00000002");
        assertThat(second.get("cnonce"))
                .as("a fresh random client nonce each time")
                .isNotEqualTo(p.get("cnonce"))
                .isNotEqualTo("0000000000000000");
    }

    @Test
    void withoutQopTheAnswerIsRfc2069AndWithoutOpaqueNoneIsSent() {
        DigestChallenge challenge = DigestChallenge.parse("Digest nonce=\"abc\", qop=\"auth-int\"");
        String header = challenge.authorize(KEY, "GET", "/p");
        String ha1 = DigestChallenge.md5("zmmrboas::" + KEY.privateKey());
        String ha2 = DigestChallenge.md5("GET:/p");
        assertThat(header)
                .isEqualTo(
                        "Digest username=\"zmmrboas\", realm=\"\", nonce=\"abc\", uri=\"/p\", algorithm=MD5, response=\""
                                + DigestChallenge.md5(ha1 + ":abc:" + ha2) + "\"");
    }

    @Test
    void toStringShowsNoNonce() {
        assertThat(DigestChallenge.parse("Digest realm=r, nonce=\"secret-nonce\", stale=true")
                        .toString())
                .isEqualTo("DigestChallenge[realm=r, stale=true]");
    }

    @Test
    void credentialsMaskTheirSecretsAndRefuseBlankOnes() {
        assertThat(KEY.toString()).isEqualTo("ApiKeyCredential[publicKey=zmmrboas, privateKey=****]");
        assertThat(BearerTokenCredential.of("tok-123456").toString()).isEqualTo("BearerTokenCredential[token=****]");
        assertThat(ServiceAccountCredential.of("id", "sec-123456").toString())
                .isEqualTo("ServiceAccountCredential[clientId=id, secret=****]");
        for (String blank : new String[] {null, "", " \t"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> BearerTokenCredential.of(blank))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("token must not be blank");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiKeyCredential.of("p", " "))
                .hasMessage("privateKey must not be blank");
    }

    private static Map<String, String> params(String header) {
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(header.substring("Digest ".length()));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return p;
    }
}
