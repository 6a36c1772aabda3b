package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Parses request bodies strictly: well-formed UTF-8, one JSON value, nesting at most 32 levels. */
public final class JsonBodies {
    private JsonBodies() {}

    /** The JSON tree of a body, or 400 {@code MALFORMED_JSON}. */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0 || !strictUtf8(body)) {
            throw malformed();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed();
            }
            return node;
        } catch (IOException e) {
            throw malformed();
        }
    }

    /**
     * Whether the bytes are well-formed UTF-8 (RFC 3629). Jackson's decoder lets overlong forms, encoded
     * surrogates and code points above U+10FFFF through; the JDK decoder in REPORT mode does not.
     */
    static boolean strictUtf8(byte[] body) {
        int i = 0;
        while (i < body.length && body[i] >= 0) {
            i++; // ASCII, the usual case, needs no decoder
        }
        if (i == body.length) {
            return true;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, i, body.length - i));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static ApiProblem malformed() {
        return ApiProblem.of(ErrorCode.MALFORMED_JSON);
    }
}
