package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.emulator.Roles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Exact validation of the request bodies over Jackson's tree model, in the spec's order of
 * precedence: malformed JSON, not an object, unknown field, missing field, wrong JSON type, rule.
 */
public final class RequestBodies {
    public static final String HOURS = "secretExpiresAfterHours";
    public static final int CLOUD_MANAGER_MAX_HOURS = 8766;
    public static final int MIN_HOURS = 8;
    private static final Pattern CLOUD_MANAGER_HOURS =
            Pattern.compile("^(?:[89]|[1-9][0-9]{1,2}|[1-7][0-9]{3}|8[0-6][0-9]{2}|87[0-5][0-9]|876[0-6])$");

    private RequestBodies() {
    }

    /** A valid API key request. */
    public record ApiKeyInput(String desc, List<String> roles) {
    }

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
        } catch (JsonProcessingException e) {
            throw malformed();
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
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, i, body.length - i));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Atlas: an integer between 8 and the organization's maximum, from a {@linkplain #parse parsed} body. */
    public static int atlasHours(JsonNode body, int maxHours) {
        JsonNode value = requiredField(body, Set.of(HOURS), HOURS);
        if (!value.isIntegralNumber()) {
            throw wrongType(HOURS, "an integer");
        }
        if (!value.canConvertToInt() || value.intValue() < MIN_HOURS || value.intValue() > maxHours) {
            throw ApiProblem.validation(List.of(Map.entry(HOURS, "must be between " + MIN_HOURS + " and " + maxHours)));
        }
        return value.intValue();
    }

    /** Cloud Manager: an integer, or a string of digits, between 8 and 8766, from a {@linkplain #parse parsed} body. */
    public static int cloudManagerHours(JsonNode body) {
        JsonNode value = requiredField(body, Set.of(HOURS), HOURS);
        String rule = "must be between " + MIN_HOURS + " and " + CLOUD_MANAGER_MAX_HOURS;
        if (value.isIntegralNumber()) {
            if (!value.canConvertToInt() || value.intValue() < MIN_HOURS || value.intValue() > CLOUD_MANAGER_MAX_HOURS) {
                throw ApiProblem.validation(List.of(Map.entry(HOURS, rule)));
            }
            return value.intValue();
        }
        if (value.isTextual()) {
            if (!CLOUD_MANAGER_HOURS.matcher(value.textValue()).matches()) {
                throw ApiProblem.validation(List.of(Map.entry(HOURS,
                        "must be a whole number of hours (digits, no sign or leading zero) between "
                                + MIN_HOURS + " and " + CLOUD_MANAGER_MAX_HOURS)));
            }
            return Integer.parseInt(value.textValue());
        }
        throw wrongType(HOURS, "an integer or a string of digits");
    }

    /** The API-key request, from a {@linkplain #parse parsed} body. */
    public static ApiKeyInput apiKey(JsonNode body) {
        JsonNode root = objectWithKnownFields(body, Set.of("desc", "roles"));
        JsonNode desc = root.get("desc");
        if (desc == null || desc.isNull()) {
            throw ApiProblem.api(400, "MISSING_ATTRIBUTE", "The required attribute desc was not specified.", "desc");
        }
        JsonNode roles = root.get("roles");
        if (!desc.isTextual()) {
            throw wrongType("desc", "a string");
        }
        if (roles != null && !roles.isNull() && !roles.isArray()) {
            throw wrongType("roles", "an array of role names");
        }
        if (roles != null && roles.isArray()) {
            for (JsonNode role : roles) {
                if (!role.isTextual()) {
                    throw wrongType("roles", "an array of role names");
                }
            }
        }
        String text = desc.textValue();
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > 250) {
            throw ApiProblem.api(400, "INVALID_API_KEY_DESC",
                    "The API key description must be between 1 and 250 characters long.");
        }
        if (roles == null || roles.isNull() || roles.isEmpty()) {
            throw ApiProblem.api(400, "MISSING_API_KEY_ROLES", "The API key must have at least one role.");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode role : roles) {
            if (!Roles.ORG_ROLES.contains(role.textValue())) {
                throw ApiProblem.api(400, "INVALID_ROLE_FOR_ORG",
                        "Role " + role.textValue() + " is not an organization role.", role.textValue());
            }
            names.add(role.textValue());
        }
        return new ApiKeyInput(text, new ArrayList<>(names));
    }

    private static JsonNode requiredField(JsonNode body, Set<String> known, String field) {
        JsonNode root = objectWithKnownFields(body, known);
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw ApiProblem.api(400, "MISSING_ATTRIBUTE", "The required attribute " + field + " was not specified.", field);
        }
        return value;
    }

    private static JsonNode objectWithKnownFields(JsonNode root, Set<String> known) {
        if (!root.isObject()) {
            throw ApiProblem.api(400, "INVALID_JSON", "Received JSON is not an object.");
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiProblem.api(400, "INVALID_ATTRIBUTE", "Invalid attribute " + name + " specified.", name);
            }
        }
        return root;
    }

    private static ApiProblem wrongType(String field, String expected) {
        return ApiProblem.api(400, "INVALID_JSON", "Received JSON has an invalid value for " + field
                + ": it must be " + expected + ".", field);
    }

    private static ApiProblem malformed() {
        return ApiProblem.api(400, "MALFORMED_JSON", "Received JSON is malformed.");
    }
}
