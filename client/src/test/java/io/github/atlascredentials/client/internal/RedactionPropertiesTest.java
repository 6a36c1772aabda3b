package io.github.atlascredentials.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.atlascredentials.client.AtlasApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * For any error body or header that embeds a credential the client knows, in any form it travels
 * in (plain, URL-encoded, Base64 of {@code clientId:secret}), at any position, no accessor of the
 * exception and no text of it contains the form or any 8 consecutive characters of it.
 */
class RedactionPropertiesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CLIENT_ID = "mdb_sa_id_1234567890abcdef12345678";
    private static final int WINDOW = 8;

    enum Form {
        PLAIN,
        URL_ENCODED,
        BASIC,
        BASIC_URL_SAFE,
        BASIC_URL_ENCODED
    }

    enum Place {
        DETAIL,
        REASON,
        ERROR_CODE,
        PARAMETER,
        FIELD_NAME,
        FIELD_DESCRIPTION,
        OAUTH_DESCRIPTION,
        JSON_WITHOUT_ERROR_CODE,
        HTML_PAGE,
        LONG_TEXT_ACROSS_THE_CUT,
        HEADER_VALUE
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=")
                .ofMinLength(12)
                .ofMaxLength(48)
                .map(s -> "mdb_sa_sk_" + s);
    }

    @Property(tries = 400)
    void noAccessorShowsAnyFormOfAKnownCredential(
            @ForAll("secrets") String secret,
            @ForAll Form form,
            @ForAll Place place,
            @ForAll @StringLength(max = 300) String before,
            @ForAll @StringLength(max = 300) String after)
            throws Exception {
        Redactor redactor = new Redactor();
        redactor.registerBasic(CLIENT_ID, secret);
        String shown = form(form, secret);
        String text = before + shown + after;

        AtlasApiException e = translate(place, text, redactor);

        for (String output : outputs(e)) {
            for (int i = 0; i + WINDOW <= shown.length(); i++) {
                String window = shown.substring(i, i + WINDOW);
                if (!(before + after).contains(window)) { // a window the surrounding text has on its own is not a leak
                    assertThat(output).as("%s in %s", form, place).doesNotContain(window);
                }
            }
        }
    }

    private static String form(Form form, String secret) {
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return switch (form) {
            case PLAIN -> secret;
            case URL_ENCODED -> URLEncoder.encode(secret, StandardCharsets.UTF_8);
            case BASIC -> basic;
            case BASIC_URL_SAFE ->
                Base64.getUrlEncoder().encodeToString((CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
            case BASIC_URL_ENCODED -> URLEncoder.encode(basic, StandardCharsets.UTF_8);
        };
    }

    private static AtlasApiException translate(Place place, String text, Redactor redactor) throws Exception {
        ObjectNode json = MAPPER.createObjectNode().put("error", 400).put("errorCode", "INVALID_ATTRIBUTE");
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"));
        switch (place) {
            case DETAIL -> json.put("detail", text);
            case REASON -> json.put("reason", text);
            case ERROR_CODE -> json.put("errorCode", text);
            case PARAMETER -> json.putArray("parameters").add(text).add(7);
            case FIELD_NAME ->
                json.putObject("badRequestDetail")
                        .putArray("fields")
                        .addObject()
                        .put("field", text)
                        .put("description", "x");
            case FIELD_DESCRIPTION ->
                json.putObject("badRequestDetail")
                        .putArray("fields")
                        .addObject()
                        .put("field", "f")
                        .put("description", text);
            case OAUTH_DESCRIPTION -> {
                json = MAPPER.createObjectNode().put("error", "invalid_client").put("error_description", text);
            }
            case JSON_WITHOUT_ERROR_CODE -> {
                json = MAPPER.createObjectNode().put("message", text);
            }
            case HTML_PAGE -> {
                return ErrorTranslator.translate(
                        502,
                        "<html><body><h1>Bad gateway</h1><p>" + text + "</p></body></html>",
                        Map.of("Content-Type", List.of("text/html")),
                        redactor);
            }
            case LONG_TEXT_ACROSS_THE_CUT -> {
                return ErrorTranslator.translate(
                        502, "x".repeat(190) + text, Map.of("Content-Type", List.of("text/plain")), redactor);
            }
            case HEADER_VALUE ->
                headers = Map.of(
                        "Content-Type",
                        List.of("application/json"),
                        "X-Echo",
                        List.of(text),
                        "Www-Authenticate",
                        List.of("Basic realm=\"" + text + "\""));
            default -> throw new IllegalArgumentException(place.name());
        }
        return ErrorTranslator.translate(400, MAPPER.writeValueAsString(json), headers, redactor);
    }

    private static List<String> outputs(AtlasApiException e) {
        List<String> all = new ArrayList<>();
        all.add(e.getMessage());
        all.add(e.toString());
        e.detail().ifPresent(all::add);
        e.reason().ifPresent(all::add);
        e.errorCode().ifPresent(all::add);
        all.add(String.valueOf(e.parameters()));
        all.add(String.valueOf(e.fieldErrors()));
        all.add(String.valueOf(e.headers()));
        return all;
    }
}
