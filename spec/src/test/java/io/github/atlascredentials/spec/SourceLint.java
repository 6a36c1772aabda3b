package io.github.atlascredentials.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every error code, limit and rule of the spec says where it comes from ({@code x-source} in one of
 * the fixed forms), so that a user knows which assertions are safe against the real service.
 */
final class SourceLint {
    /** The fixed forms of {@code x-source}. */
    static final Pattern SOURCE = Pattern.compile("^(official spec: \\S.*"
            + "|official error list: \\S.*"
            + "|documentation page: https://\\S+"
            + "|seed document: \\S.*"
            + "|observed answer: https://\\S+"
            + "|chosen by this project: \\S.{10,})$");

    private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*(\\d{3})\\s*\\|([^|]*)\\|", Pattern.MULTILINE);
    private static final Pattern BACKTICKED_CODE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

    private SourceLint() {}

    static List<String> violations(SpecDocument spec) {
        List<String> out = new ArrayList<>();
        JsonNode root = spec.root();
        root.path("x-limits").fields().forEachRemaining(e -> {
            checkSource(e.getValue(), "limit " + e.getKey(), out);
            JsonNode other = e.getValue().get("x-disagreement");
            if (other != null) {
                checkSource(other, "limit " + e.getKey() + " (disagreeing source)", out);
                if (!other.hasNonNull("switch")) {
                    out.add("limit " + e.getKey() + ": a disagreeing source names no emulator switch");
                }
            }
        });
        checkTable(root.path("x-error-codes"), "errorCode", apiErrorCodes(spec), out);
        checkTable(root.path("x-oauth-errors"), "OAuth error", oauthErrors(spec), out);
        rules(root, "#", out);
        return out;
    }

    /** Each code named by the spec against its table entry; each table entry must be named somewhere. */
    private static void checkTable(JsonNode table, String what, Map<String, Set<String>> named, List<String> out) {
        named.forEach((code, statuses) -> {
            JsonNode entry = table.get(code);
            if (entry == null) {
                out.add(what + " " + code + " has no entry, so no source");
                return;
            }
            checkSource(entry, what + " " + code, out);
            checkCauses(entry, what + " " + code, out);
            String status = entry.path("status").asText();
            for (String s : statuses) {
                if (!s.equals(status)) {
                    out.add(what + " " + code + " is answered with " + s + " but its entry says " + status);
                }
            }
        });
        table.fieldNames().forEachRemaining(code -> {
            if (!named.containsKey(code)) {
                out.add(what + " " + code + " has an entry but the spec never names it");
            }
        });
    }

    /**
     * Each cause of a code ({@code x-causes}) names its operations and rests on something: a quote
     * ({@code says}), the source in our words ({@code states}), a reason it is a guess ({@code guess}), or a
     * source "chosen by this project"; a cause's own {@code x-source} is in a fixed form.
     */
    private static void checkCauses(JsonNode entry, String what, List<String> out) {
        for (JsonNode cause : entry.path("x-causes")) {
            String name = what + " cause \"" + cause.path("cause").asText() + "\"";
            if (!cause.hasNonNull("operations")) {
                out.add(name + " names no operations");
            }
            if (cause.has("x-source")) {
                checkSource(cause, name, out);
            }
            String source = cause.path("x-source").asText(entry.path("x-source").asText(""));
            if (!cause.hasNonNull("says")
                    && !cause.hasNonNull("states")
                    && !cause.hasNonNull("guess")
                    && !source.startsWith("chosen by this project")) {
                out.add(name + " rests on nothing: give says, states or guess");
            }
        }
    }

    private static void checkSource(JsonNode node, String what, List<String> out) {
        JsonNode source = node.get("x-source");
        if (source == null || !source.isTextual()) {
            out.add(what + " has no x-source");
        } else if (!SOURCE.matcher(source.asText()).matches()) {
            out.add(what + " has an x-source in no known form: " + source.asText());
        }
    }

    /** Every errorCode: the error table, the examples (enveloped ones too) and each x-error; with the statuses used. */
    static Map<String, Set<String>> apiErrorCodes(SpecDocument spec) {
        Map<String, Set<String>> codes = new TreeMap<>();
        String description = spec.root().path("info").path("description").asText("");
        Matcher row = TABLE_ROW.matcher(description);
        while (row.find()) {
            Matcher code = BACKTICKED_CODE.matcher(row.group(2));
            while (code.find()) {
                codes.computeIfAbsent(code.group(1), k -> new TreeSet<>()).add(row.group(1));
            }
        }
        spec.components("examples").forEach(example -> {
            JsonNode value = example.path("value");
            for (JsonNode body : List.of(value, value.path("content"))) {
                if (body.path("errorCode").isTextual()) {
                    Set<String> statuses =
                            codes.computeIfAbsent(body.get("errorCode").asText(), k -> new TreeSet<>());
                    if (body.path("error").isInt()) {
                        statuses.add(body.get("error").asText());
                    }
                }
            }
        });
        collectXErrors(spec.root(), codes);
        return codes;
    }

    private static void collectXErrors(JsonNode node, Map<String, Set<String>> codes) {
        if (node.isObject()) {
            JsonNode x = node.get("x-error");
            if (x != null && x.path("errorCode").isTextual()) {
                codes.computeIfAbsent(x.get("errorCode").asText(), k -> new TreeSet<>())
                        .add(x.path("status").asText("400"));
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectXErrors(child, codes));
        }
    }

    /** Every OAuth error: the enum of {@code OAuthError.error} and the examples' {@code error} strings. */
    static Map<String, Set<String>> oauthErrors(SpecDocument spec) {
        Map<String, Set<String>> codes = new TreeMap<>();
        spec.root()
                .path("components")
                .path("schemas")
                .path("OAuthError")
                .path("properties")
                .path("error")
                .path("enum")
                .forEach(v -> codes.computeIfAbsent(v.asText(), k -> new TreeSet<>()));
        spec.components("examples").forEach(example -> {
            JsonNode error = example.path("value").path("error");
            if (error.isTextual()) {
                codes.computeIfAbsent(error.asText(), k -> new TreeSet<>());
            }
        });
        return codes;
    }

    /** Every {@code x-rule} carries an {@code x-source} beside it. */
    private static void rules(JsonNode node, String where, List<String> out) {
        if (node.isObject()) {
            if (node.has("x-rule")) {
                checkSource(node, "rule at " + where, out);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                rules(f.getValue(), where + "/" + f.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rules(node.get(i), where + "/" + i, out);
            }
        }
    }
}
