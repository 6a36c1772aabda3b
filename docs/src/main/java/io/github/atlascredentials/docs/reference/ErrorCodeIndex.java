package io.github.atlascredentials.docs.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every errorCode the spec names: the rows of the error table in {@code info.description}
 * ({@code | status | `CODE` | cause |}) and the {@code errorCode} of every named example, which
 * include the documentation's own examples of codes outside the table.
 */
final class ErrorCodeIndex {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*(\\d{3})\\s*\\|([^|]*)\\|", Pattern.MULTILINE);
    private static final Pattern BACKTICKED_CODE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One code: its statuses and where the spec names it. */
    record Entry(Set<String> statuses, boolean inTable, Set<String> examples) {}

    private ErrorCodeIndex() {}

    static Map<String, Entry> of(OpenAPI api) {
        Map<String, Entry> codes = new TreeMap<>();
        String description = api.getInfo() == null ? null : api.getInfo().getDescription();
        if (description != null) {
            Matcher row = TABLE_ROW.matcher(description);
            while (row.find()) {
                Matcher code = BACKTICKED_CODE.matcher(row.group(2));
                while (code.find()) {
                    Entry entry = entry(codes, code.group(1), true);
                    entry.statuses().add(row.group(1));
                }
            }
        }
        Map<String, Example> examples =
                api.getComponents() == null ? null : api.getComponents().getExamples();
        if (examples != null) {
            examples.forEach((name, example) -> {
                JsonNode value = JSON.valueToTree(example.getValue());
                if (value != null && value.hasNonNull("errorCode")) {
                    Entry entry = entry(codes, value.get("errorCode").asText(), false);
                    entry.examples().add(name);
                    if (value.path("error").isInt()) {
                        entry.statuses().add(value.get("error").asText());
                    }
                }
                // Enveloped errors carry their ApiError in "content".
                JsonNode wrapped = value == null ? null : value.path("content");
                if (wrapped != null && wrapped.hasNonNull("errorCode")) {
                    entry(codes, wrapped.get("errorCode").asText(), false)
                            .examples()
                            .add(name);
                }
            });
        }
        return codes;
    }

    private static Entry entry(Map<String, Entry> codes, String code, boolean inTable) {
        Entry existing = codes.get(code);
        if (existing == null) {
            existing = new Entry(new TreeSet<>(), inTable, new TreeSet<>());
            codes.put(code, existing);
        } else if (inTable && !existing.inTable()) {
            existing = new Entry(existing.statuses(), true, existing.examples());
            codes.put(code, existing);
        }
        return existing;
    }

    static String html(Map<String, Entry> codes, java.util.List<FidelityTable.Row> fidelity) {
        StringBuilder table = new StringBuilder();
        table.append("<section id=\"error-code-index\">\n<h2>Error code index</h2>\n")
                .append("<p>Every <code>errorCode</code> the spec names, from the error table above and from the")
                .append(" examples. Codes marked <em>documentation example only</em> appear in examples copied from")
                .append(
                        " the vendor documentation, which says they may not be related to the endpoint. <em>Where it comes")
                .append(
                        " from</em> is the code's <code>x-source</code> (see <a href=\"#fidelity\">Fidelity</a>).</p>\n")
                .append(
                        "<table>\n<thead><tr><th>errorCode</th><th>Status</th><th>Named in</th><th>Where it comes from</th><th>Examples</th></tr>")
                .append("</thead>\n<tbody>\n");
        codes.forEach((code, entry) -> table.append("<tr><td>")
                .append(Html.code(code))
                .append("</td><td>")
                .append(String.join(", ", entry.statuses()))
                .append("</td><td>")
                .append(entry.inTable() ? "error table" : "<em>documentation example only</em>")
                .append("</td><td>")
                .append(Html.escape(FidelityTable.sourceOf(fidelity, code)))
                .append("</td><td>")
                .append(entry.examples().stream()
                        .map(name -> "<a href=\"#" + Html.escape(Html.exampleAnchor(name)) + "\">" + Html.escape(name)
                                + "</a>")
                        .collect(Collectors.joining(", ")))
                .append("</td></tr>\n"));
        table.append("</tbody>\n</table>\n</section>\n");
        return table.toString();
    }
}
