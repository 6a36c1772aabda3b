package io.github.atlascredentials.contract.support;

import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns a named example of the spec into a Pact response body. The example's values stay in the
 * pact; matchers replace exact comparison where the spec says a value varies:
 * <ul>
 *   <li>values the server generates ({@code readOnly}, or inside a {@code readOnly} property) are
 *       matched by the schema's {@code pattern}, {@code format: date-time} or {@code enum}, and by type
 *       when the spec gives none of them (a service account's name and roles);
 *   <li>secrets, tokens and generated values without a pattern in the spec by the regexes of
 *       {@link #VARYING} (what their descriptions say);
 *   <li>human-readable text ({@code detail}, {@code error_description}, a violation's
 *       {@code description}) and {@code parameters} entries by type;
 *   <li>everything else the client acts on ({@code error}, {@code errorCode}, field names,
 *       {@code status}, {@code token_type}, {@code expires_in}) exactly.
 * </ul>
 * Nullable properties are left out of the expectation: the spec allows null or a value (the
 * documentation's example shows a value, this service a null), and the client accepts both. So are a
 * page's {@code links}, whose number depends on the page.
 */
public final class PactBodies {
    /** ISO 8601 UTC timestamp with optional fraction, as {@code format: date-time} in UTC. */
    public static final String UTC_TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$";

    /** Generated values whose shape the spec gives in prose only (or not as a pattern). */
    static final Map<String, String> VARYING = Map.of(
            // the documentation's redacted form ("mdb_sa_sk_...", "mdb_sa_sk_...AOk5") or a live secret
            "secret", "^mdb_sa_sk_(\\.\\.\\.[A-Za-z0-9_-]{0,4}|[A-Za-z0-9_-]{40})$",
            "maskedSecretValue", "^mdb_sa_sk_(\\.\\.\\.|\u2026)[A-Za-z0-9_-]{0,4}$",
            // redacted as documented, or a live UUID
            "privateKey", "^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}|\\*{8}-\\*{4}-\\*{4})-[0-9a-f]{12}$",
            "access_token", "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$",
            "href", "^https?://[^/\\s]+/api/(public/v1\\.0|atlas/v2)/orgs/[a-f0-9]{24}/apiKeys/[a-f0-9]{24}$");

    static final Set<String> FREE_TEXT = Set.of("detail", "error_description", "description");

    private final Spec spec;

    public PactBodies(Spec spec) {
        this.spec = spec;
    }

    /** The named example, checked against {@code schemaName}, as a Pact body with matchers. */
    public PactDslJsonBody response(String exampleName, String schemaName) {
        return named(exampleName, () -> response(spec.example(exampleName), spec.schema(schemaName), null));
    }

    /**
     * An {@code Envelope} example: the envelope's fields exactly, its {@code content} by the rules
     * above against the schema of the wrapped answer.
     */
    public PactDslJsonBody envelope(String exampleName, String contentSchemaName) {
        return named(
                exampleName,
                () -> response(spec.example(exampleName), spec.schema("Envelope"), spec.schema(contentSchemaName)));
    }

    /** A broken example fails with its name: Pact only says which value broke which matcher. */
    private static PactDslJsonBody named(String exampleName, java.util.function.Supplier<PactDslJsonBody> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "spec example '" + exampleName + "' cannot be the body of this interaction: " + e.getMessage(), e);
        }
    }

    private PactDslJsonBody response(JsonNode example, JsonNode schema, JsonNode contentSchema) {
        if (!example.isObject()) {
            throw new IllegalArgumentException("only object bodies are supported: " + example);
        }
        PactDslJsonBody body = new PactDslJsonBody();
        fillObject(body, example, spec.resolve(schema), false, contentSchema);
        return body;
    }

    private void fillObject(
            PactDslJsonBody body, JsonNode example, JsonNode schema, boolean generated, JsonNode contentSchema) {
        Iterator<Map.Entry<String, JsonNode>> fields = example.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode propSchema = spec.resolve(schema.path("properties").path(name));
            if (contentSchema != null && name.equals("content")) {
                propSchema = spec.resolve(contentSchema);
            }
            if (propSchema.isMissingNode()) {
                throw new IllegalArgumentException(
                        "the example has a property '" + name + "' its schema does not declare");
            }
            boolean gen = generated || propSchema.path("readOnly").asBoolean(false);
            if (propSchema.path("nullable").asBoolean(false) || isPageLinks(name, example)) {
                continue;
            }
            if (value.isObject()) {
                PactDslJsonBody child = body.object(name);
                fillObject(child, value, propSchema, gen, null);
                child.closeObject();
            } else if (value.isArray()) {
                PactDslJsonArray array = body.array(name);
                fillArray(array, value, spec.resolve(propSchema.path("items")), gen, name.equals("parameters"));
                array.closeArray();
            } else if (value.isTextual()) {
                String regex = regexFor(name, propSchema, gen);
                if (regex != null) {
                    body.stringMatcher(name, regex, value.textValue());
                } else if (FREE_TEXT.contains(name) || gen) {
                    body.stringType(name, value.textValue());
                } else {
                    body.stringValue(name, value.textValue());
                }
            } else if (value.isIntegralNumber()) {
                if (gen) {
                    body.integerType(name, value.longValue());
                } else {
                    body.numberValue(name, value.numberValue());
                }
            } else if (value.isNumber()) {
                body.numberValue(name, value.numberValue());
            } else if (value.isBoolean()) {
                body.booleanValue(name, value.booleanValue());
            } else if (value.isNull()) {
                body.nullValue(name);
            }
        }
    }

    /** A page's {@code links}: how many there are depends on the page (self, next, previous); the client reads none. */
    private static boolean isPageLinks(String name, JsonNode object) {
        return name.equals("links") && object.has("results");
    }

    private void fillArray(
            PactDslJsonArray array, JsonNode example, JsonNode itemSchema, boolean generated, boolean freeValues) {
        for (JsonNode item : example) {
            if (item.isObject()) {
                PactDslJsonBody child = array.object();
                fillObject(child, item, itemSchema, generated, null);
                child.closeObject();
            } else if (item.isTextual()) {
                String regex = regexFor(null, itemSchema, generated);
                if (freeValues || (generated && regex == null)) {
                    array.stringType(item.textValue());
                } else if (regex != null) {
                    array.stringMatcher(regex, item.textValue());
                } else {
                    array.stringValue(item.textValue());
                }
            } else if (item.isIntegralNumber()) {
                if (freeValues || generated) {
                    array.integerType(item.longValue());
                } else {
                    array.numberValue(item.numberValue());
                }
            } else if (item.isNumber()) {
                array.numberValue(item.numberValue());
            } else if (item.isBoolean()) {
                array.booleanValue(item.booleanValue());
            } else if (item.isArray()) {
                throw new IllegalArgumentException("nested arrays are not used by this spec: " + example);
            } else if (item.isNull()) {
                array.nullValue();
            }
        }
    }

    /** A regex for a string value, or null to compare it exactly (or by type, for free text). */
    private static String regexFor(String name, JsonNode schema, boolean generated) {
        if (name != null && VARYING.containsKey(name)) {
            return VARYING.get(name);
        }
        if ("date-time".equals(schema.path("format").asText())) {
            return UTC_TIMESTAMP;
        }
        if (!generated) {
            return null;
        }
        if (schema.hasNonNull("pattern")) {
            return schema.get("pattern").asText();
        }
        if (schema.path("enum").isArray()) {
            return "^("
                    + StreamSupport.stream(schema.get("enum").spliterator(), false)
                            .map(v -> portableLiteral(v.asText()))
                            .collect(Collectors.joining("|"))
                    + ")$";
        }
        return null;
    }

    /**
     * A literal for a regex that every Pact implementation reads: metacharacters escaped one by one
     * with a backslash. Java's {@code \Q...\E} quoting ({@link Pattern#quote}) is unknown to the
     * Rust core (pact-js, pact-python, pact-go, the CLI), which then rejects every value.
     */
    public static String portableLiteral(String value) {
        return value.replaceAll("[\\\\^$.|?*+()\\[\\]{}-]", "\\\\$0");
    }
}
