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

    /** One behaviour and its source; {@code otherSource} is set where the sources disagree. */
    record Row(String kind, String name, String value, String source, String otherValue, String otherSource,
               String emulatorSwitch) {
        /** The source's form: the text before the first colon ("official error list", "chosen by this project", ...). */
        String sourceKind() {
            int colon = source.indexOf(':');
            return colon < 0 ? source : source.substring(0, colon);
        }

        String sourceDetail() {
            int colon = source.indexOf(':');
            return colon < 0 ? "" : source.substring(colon + 1).trim();
        }

        /** True unless the project chose the behaviour itself. */
        boolean safeAgainstRealService() {
            return !sourceKind().equals("chosen by this project");
        }
    }

    private FidelityTable() {
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
                rows.add(new Row("limit", e.getKey(), limit.path("value").asText() + " " + limit.path("unit").asText(),
                        limit.path("x-source").asText(""), other.isMissingNode() ? null : other.path("value").asText(),
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
                String note = e.getValue().path("note").asText("");
                rows.add(new Row(kind, e.getKey(), e.getValue().path("status").asText(),
                        e.getValue().path("x-source").asText("") + (note.isEmpty() ? "" : " (" + note + ")"), null, null, null));
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
            rows.add(new Row("rule", where, String.valueOf(x.get("x-rule")), String.valueOf(x.getOrDefault("x-source", "")),
                    null, null, null));
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

    static String markdown(List<Row> rows, String projectVersion) {
        StringBuilder md = new StringBuilder("# Fidelity: where each answer comes from\n\n")
                .append("Generated from `spec/openapi.yaml` (").append(projectVersion).append("). Every error code,")
                .append(" OAuth error, limit and rule the spec and the emulator use, with its source. An assertion on")
                .append(" a behaviour whose source is the official spec, the official error list, a documentation")
                .append(" page, a seed document or an answer observed in a public issue is safe against the real")
                .append(" service; a behaviour *chosen by this project* is the emulator's own.\n\n")
                .append("| Kind | Name | Status / value | Source | Safe against the real service |\n")
                .append("|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.kind()).append(" | `").append(r.name()).append("` | ").append(cell(r.value()))
                    .append(" | ").append(cell(r.source())).append(" | ")
                    .append(r.safeAgainstRealService() ? "yes" : "no (chosen)").append(" |\n");
        }
        md.append("\n## Where the sources disagree\n\n")
                .append("| Name | Default (source) | Other value (source) | Emulator switch |\n|---|---|---|---|\n");
        for (Row r : rows) {
            if (r.otherSource() != null) {
                md.append("| `").append(r.name()).append("` | ").append(cell(r.value())).append(" (").append(cell(r.source()))
                        .append(") | ").append(cell(r.otherValue())).append(" (").append(cell(r.otherSource())).append(") | ")
                        .append(cell(r.emulatorSwitch())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    static String html(List<Row> rows) {
        StringBuilder html = new StringBuilder("<section id=\"fidelity\">\n<h2>Fidelity: where each answer comes from</h2>\n")
                .append("<p>Every error code, OAuth error, limit and rule, with its source (<code>x-source</code> in the")
                .append(" spec). Assertions on behaviours whose source is not <em>chosen by this project</em> are safe")
                .append(" against the real service.</p>\n<table>\n<thead><tr><th>Kind</th><th>Name</th>")
                .append("<th>Status / value</th><th>Source</th><th>Safe against the real service</th></tr></thead>\n<tbody>\n");
        for (Row r : rows) {
            html.append("<tr id=\"fidelity-").append(Html.escape(r.name())).append("\"><td>").append(Html.escape(r.kind()))
                    .append("</td><td>").append(Html.code(r.name())).append("</td><td>").append(Html.escape(r.value()))
                    .append("</td><td><strong>").append(Html.escape(r.sourceKind())).append("</strong>: ")
                    .append(link(r.sourceDetail())).append(r.otherSource() == null ? "" : "<br><strong>disagrees:</strong> "
                            + Html.escape(r.otherValue()) + " — " + link(r.otherSource()) + " (switch: "
                            + Html.escape(r.emulatorSwitch()) + ")")
                    .append("</td><td>").append(r.safeAgainstRealService() ? "yes" : "no (chosen)").append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</section>\n").toString();
    }

    /** Plain text: the reference page loads and links nothing remote (its test checks). */
    private static String link(String text) {
        return Html.escape(text);
    }

    /** The source of one errorCode or OAuth error, for the error code index; empty if the spec names none. */
    static String sourceOf(List<Row> rows, String code) {
        return rows.stream().filter(r -> (r.kind().equals("errorCode") || r.kind().equals("OAuth error"))
                && r.name().equals(code)).map(Row::source).findFirst().orElse("");
    }
}
