package io.github.atlascredentials.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Exact rules of the redactor: the minimum length, every form, longest first, forgetting. */
class RedactorTest {
    private final Redactor redactor = new Redactor();

    @Test
    void secretsOfSixCharactersOrMoreAreMaskedShorterOnesAreNot() {
        redactor.register("abcde");
        redactor.register("uvwxyz");
        assertThat(redactor.redact("abcde uvwxyz")).isEqualTo("abcde ****");
    }

    @Test
    void nullAndUnknownTextsPassThrough() {
        redactor.register(null);
        redactor.forget(null);
        assertThat(redactor.redact(null)).isNull();
        assertThat(redactor.redact("nothing known")).isEqualTo("nothing known");
    }

    @Test
    void urlEncodedFormsAreMaskedWithPlusOrPercentTwenty() {
        String secret = "a b/c+d=e";
        redactor.register(secret);
        assertThat(redactor.redact("x " + URLEncoder.encode(secret, StandardCharsets.UTF_8) + " y"))
                .isEqualTo("x **** y");
        assertThat(redactor.redact("x a%20b%2Fc%2Bd%3De y")).isEqualTo("x **** y");
        assertThat(redactor.redact("x a b/c+d=e y")).isEqualTo("x **** y");
    }

    @Test
    void basicFormsAreMaskedInEveryAlphabetWithAndWithoutPadding() {
        String clientId = "mdb_sa_id_1";
        String secret = "s3cr3t?>>";
        redactor.registerBasic(clientId, secret);
        byte[] pair = (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8);
        for (String form : new String[] {
            Base64.getEncoder().encodeToString(pair),
            Base64.getUrlEncoder().encodeToString(pair),
            Base64.getEncoder().withoutPadding().encodeToString(pair),
            Base64.getUrlEncoder().withoutPadding().encodeToString(pair),
            URLEncoder.encode(Base64.getEncoder().encodeToString(pair), StandardCharsets.UTF_8)
        }) {
            assertThat(redactor.redact("[" + form + "]")).as(form).isEqualTo("[****]");
        }
        assertThat(redactor.redact(secret)).isEqualTo("****");
    }

    @Test
    void aFormContainingAnotherIsMaskedWhole() {
        redactor.register("abcdef");
        redactor.register("abcdefghij");
        redactor.register("abcdefgh");
        assertThat(redactor.redact("abcdefghij|abcdefgh|abcdef")).isEqualTo("****|****|****");
    }

    @Test
    void registeringTwiceKeepsOneFormAndForgetUnmasksIt() {
        redactor.register("token-1234");
        redactor.register("token-1234");
        redactor.register("other-5678");
        redactor.forget("token-1234");
        assertThat(redactor.redact("token-1234 other-5678")).isEqualTo("token-1234 ****");
        redactor.forget("never-registered");
        assertThat(redactor.redact("other-5678")).isEqualTo("****");
    }
}
