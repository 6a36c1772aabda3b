package io.github.atlascredentials.docs.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "Fidelity" table: every error code, OAuth error, limit and rule of the spec with where it comes
 * from (its {@code x-source}), and whether an assertion on it is safe against the real service. Read
 * from the spec's {@code x-error-codes}, {@code x-oauth-errors}, {@code x-limits} and each {@code x-rule}.
 */
final class FidelityTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One behaviour and its source; {@code otherSource} is set where the sources disagree, {@code choice} says
     * what the emulator follows then; {@code caused} is false for a code no known cause of these operations gets.
     */
    record Row(
            String kind,
            String name,
            String value,
            String source,
            String otherValue,
            String otherSource,
            String choice,
            boolean caused) {
        Row(
                String kind,
                String name,
                String value,
                String source,
                String otherValue,
                String otherSource,
                String choice) {
            this(kind, name, value, source, otherValue, otherSource, choice, true);
        }

        /** The source's form: the text before the first colon ("official error list", "chosen by this project", ...). */
        String sourceKind() {
            int colon = source.indexOf(':');
            return colon < 0 ? source : source.substring(0, colon);
        }

        String sourceDetail() {
            int colon = source.indexOf(':');
            return colon < 0 ? "" : source.substring(colon + 1).trim();
        }

        /** True unless the project chose the behaviour itself, or no known cause of these operations gets the code. */
        boolean safeAgainstRealService() {
            return caused && !sourceKind().equals("chosen by this project");
        }

        String safety() {
            return !caused
                    ? "no (no cause of these operations is known)"
                    : safeAgainstRealService() ? "yes" : "no (chosen)";
        }
    }

    /**
     * One operation and one cause of an error (the spec's {@code x-causes}): the answer, its source, and the
     * sentence it rests on ({@code says}: a quote, {@code states}: the source in our words) or why it is a guess.
     */
    record CauseRow(
            String operationId,
            String cause,
            String status,
            String code,
            String source,
            String says,
            String states,
            String guess) {
        boolean isGuess() {
            return says == null && states == null;
        }

        /** What the row rests on, in words: the quote, the paraphrase, or "guess" and why. */
        String restsOn() {
            if (says != null) {
                return "\u201c" + says + "\u201d";
            }
            if (states != null) {
                return states + " (in our words)";
            }
            if (guess != null) {
                return "guess: " + guess;
            }
            return source.startsWith("chosen by this project") ? "guess (chosen by this project)" : "guess";
        }
    }

    private FidelityTable() {}

    /** Every operation of the spec with every cause of {@code x-causes} that applies to it, in path order. */
    static List<CauseRow> causes(OpenAPI api) {
        List<CauseRow> rows = new ArrayList<>();
        Map<String, Object> extensions = api.getExtensions() == null ? Map.of() : api.getExtensions();
        List<Map.Entry<String, JsonNode>> causes = new ArrayList<>();
        for (String table : List.of("x-error-codes", "x-oauth-errors")) {
            JsonNode codes = JSON.valueToTree(extensions.get(table));
            if (codes != null) {
                codes.fields().forEachRemaining(causes::add);
            }
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                    for (Map.Entry<String, JsonNode> code : causes) {
                        for (JsonNode cause : code.getValue().path("x-causes")) {
                            if (applies(cause.path("operations"), path, op)) {
                                rows.add(new CauseRow(
                                        op.getOperationId(),
                                        cause.path("cause").asText(),
                                        code.getValue().path("status").asText(),
                                        code.getKey(),
                                        cause.path("x-source")
                                                .asText(code.getValue()
                                                        .path("x-source")
                                                        .asText("")),
                                        text(cause, "says"),
                                        text(cause, "states"),
                                        text(cause, "guess")));
                            }
                        }
                    }
                }));
        return rows;
    }

    /** Whether a cause's {@code operations} selector names the operation. */
    private static boolean applies(JsonNode selector, String path, io.swagger.v3.oas.models.Operation op) {
        boolean oauth = op.getTags() != null && op.getTags().contains("OAuth");
        if (selector.isArray()) {
            for (JsonNode id : selector) {
                if (id.asText().equals(op.getOperationId())) {
                    return true;
                }
            }
            return false;
        }
        String s = selector.asText();
        return switch (s) {
            case "api" -> !oauth;
            case "oauth" -> oauth;
            case "atlas" -> path.startsWith("/api/atlas/v2/");
            case "cloudManager" -> path.startsWith("/api/public/v1.0/");
            case "with body" -> !oauth && op.getRequestBody() != null;
            default -> {
                if (!s.startsWith("with ")) {
                    throw new IllegalArgumentException("unknown operations selector in x-causes: " + s);
                }
                yield !oauth && path.contains("{" + s.substring(5) + "}");
            }
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static List<Row> of(OpenAPI api) {
        List<Row> rows = new ArrayList<>();
        Map<String, Object> extensions = api.getExtensions() == null ? Map.of() : api.getExtensions();
        table(rows, "errorCode", extensions.get("x-error-codes"));
        table(rows, "OAuth error", extensions.get("x-oauth-errors"));
        JsonNode limits = JSON.valueToTree(extensions.get("x-limits"));
        if (limits != null) {
            limits.fields().forEachRemaining(e -> {
                JsonNode limit = e.getValue();
                JsonNode other = limit.path("x-disagreement");
                rows.add(new Row(
                        "limit",
                        e.getKey(),
                        limit.path("value").asText() + " " + limit.path("unit").asText(),
                        limit.path("x-source").asText(""),
                        other.isMissingNode() ? null : other.path("value").asText(),
                        other.isMissingNode() ? null : other.path("x-source").asText(""),
                        other.isMissingNode() ? null : other.path("switch").asText()));
            });
        }
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            api.getComponents().getSchemas().forEach((name, schema) -> rules(rows, name, schema, seen));
        }
        return rows;
    }

    private static void table(List<Row> rows, String kind, Object extension) {
        JsonNode table = JSON.valueToTree(extension);
        if (table != null) {
            table.fields().forEachRemaining(e -> {
                JsonNode code = e.getValue();
                String note = code.path("note").asText("");
                JsonNode other = code.path("x-disagreement");
                rows.add(new Row(
                        kind,
                        e.getKey(),
                        code.path("status").asText(),
                        code.path("x-source").asText("") + (note.isEmpty() ? "" : " (" + note + ")"),
                        other.isMissingNode() ? null : other.path("says").asText(),
                        other.isMissingNode() ? null : other.path("x-source").asText(""),
                        other.isMissingNode() ? null : other.path("choice").asText(),
                        !code.path("x-causes").isEmpty()));
            });
        }
    }

    @SuppressWarnings("rawtypes")
    private static void rules(List<Row> rows, String where, Schema schema, Set<Object> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        Map<String, Object> x = schema.getExtensions();
        if (x != null && x.get("x-rule") != null) {
            rows.add(new Row(
                    "rule",
                    where,
                    String.valueOf(x.get("x-rule")),
                    String.valueOf(x.getOrDefault("x-source", "")),
                    null,
                    null,
                    null));
        }
        if (schema.getOneOf() != null) {
            List<?> branches = schema.getOneOf();
            for (int i = 0; i < branches.size(); i++) {
                rules(rows, where + ".oneOf[" + i + "]", (Schema) branches.get(i), seen);
            }
        }
        if (schema.getProperties() != null) {
            ((Map<?, ?>) schema.getProperties()).forEach((p, s) -> rules(rows, where + "." + p, (Schema) s, seen));
        }
        rules(rows, where + "[]", schema.getItems(), seen);
    }

    static String markdown(List<Row> rows, List<CauseRow> causes, String projectVersion) {
        StringBuilder md = new StringBuilder("# Fidelity: where each answer comes from\n\n")
                .append("Generated from `spec/openapi.yaml` (")
                .append(projectVersion)
                .append("). Every error code,")
                .append(" OAuth error, limit and rule the spec and the emulator use, with its source. An assertion on")
                .append(" a behaviour whose source is the official spec, the official error list, a documentation")
                .append(" page, a seed document or an answer observed in a public issue is safe against the real")
                .append(" service; a behaviour *chosen by this project* is the emulator's own.\n\n")
                .append("| Kind | Name | Status / value | Source | Safe against the real service |\n")
                .append("|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ")
                    .append(r.kind())
                    .append(" | `")
                    .append(r.name())
                    .append("` | ")
                    .append(cell(r.value()))
                    .append(" | ")
                    .append(cell(r.source()))
                    .append(" | ")
                    .append(r.safety())
                    .append(" |\n");
        }
        md.append("\n## Per operation and cause\n\n")
                .append(
                        "The answer to each cause of an error, per operation (the spec's `x-causes`), with the source and")
                .append(
                        " the sentence it rests on, or \"guess\" and why: assert a guessed answer against the emulator only.\n\n")
                .append("| Operation | Cause | Status | Code | Source | Rests on |\n|---|---|---|---|---|---|\n");
        for (CauseRow c : causes) {
            md.append("| `")
                    .append(c.operationId())
                    .append("` | ")
                    .append(cell(c.cause()))
                    .append(" | ")
                    .append(c.status())
                    .append(" | `")
                    .append(c.code())
                    .append("` | ")
                    .append(cell(c.source()))
                    .append(" | ")
                    .append(cell(c.restsOn()))
                    .append(" |\n");
        }
        md.append("\n## Where the sources disagree\n\n")
                .append("| Name | Ours (source) | Other (source) | Choice or emulator switch |\n|---|---|---|---|\n");
        for (Row r : rows) {
            if (r.otherSource() != null) {
                md.append("| `")
                        .append(r.name())
                        .append("` | ")
                        .append(cell(r.value()))
                        .append(" (")
                        .append(cell(r.source()))
                        .append(") | ")
                        .append(cell(r.otherValue()))
                        .append(" (")
                        .append(cell(r.otherSource()))
                        .append(") | ")
                        .append(cell(r.choice()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    static String html(List<Row> rows, List<CauseRow> causes) {
        StringBuilder html = new StringBuilder(
                        "<section id=\"fidelity\">\n<h2>Fidelity: where each answer comes from</h2>\n")
                .append(
                        "<p>Every error code, OAuth error, limit and rule, with its source (<code>x-source</code> in the")
                .append(" spec). Assertions on behaviours whose source is not <em>chosen by this project</em> are safe")
                .append(" against the real service.</p>\n<table>\n<thead><tr><th>Kind</th><th>Name</th>")
                .append(
                        "<th>Status / value</th><th>Source</th><th>Safe against the real service</th></tr></thead>\n<tbody>\n");
        for (Row r : rows) {
            html.append("<tr id=\"fidelity-")
                    .append(Html.escape(r.name()))
                    .append("\"><td>")
                    .append(Html.escape(r.kind()))
                    .append("</td><td>")
                    .append(Html.code(r.name()))
                    .append("</td><td>")
                    .append(Html.escape(r.value()))
                    .append("</td><td><strong>")
                    .append(Html.escape(r.sourceKind()))
                    .append("</strong>: ")
                    .append(link(r.sourceDetail()))
                    .append(
                            r.otherSource() == null
                                    ? ""
                                    : "<br><strong>disagrees:</strong> "
                                            + Html.escape(r.otherValue()) + " — " + link(r.otherSource()) + " (choice: "
                                            + Html.escape(r.choice()) + ")")
                    .append("</td><td>")
                    .append(Html.escape(r.safety()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<h3 id=\"fidelity-causes\">Per operation and cause</h3>\n<table>\n<thead><tr>")
                .append(
                        "<th>Operation</th><th>Cause</th><th>Status</th><th>Code</th><th>Source</th><th>Rests on</th></tr></thead>\n<tbody>\n");
        for (CauseRow c : causes) {
            html.append("<tr><td>")
                    .append(Html.code(c.operationId()))
                    .append("</td><td>")
                    .append(Html.escape(c.cause()))
                    .append("</td><td>")
                    .append(c.status())
                    .append("</td><td>")
                    .append(Html.code(c.code()))
                    .append("</td><td>")
                    .append(link(c.source()))
                    .append("</td><td>")
                    .append(Html.escape(c.restsOn()))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</section>\n").toString();
    }

    /** Plain text: the reference page loads and links nothing remote (its test checks). */
    private static String link(String text) {
        return Html.escape(text);
    }

    /** The source of one errorCode or OAuth error, for the error code index; empty if the spec names none. */
    static String sourceOf(List<Row> rows, String code) {
        return rows.stream()
                .filter(r -> (r.kind().equals("errorCode") || r.kind().equals("OAuth error"))
                        && r.name().equals(code))
                .map(Row::source)
                .findFirst()
                .orElse("");
    }
}
