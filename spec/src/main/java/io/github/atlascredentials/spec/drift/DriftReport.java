package io.github.atlascredentials.spec.drift;

import java.util.List;
import java.util.stream.Collectors;

/** The Markdown report ({@code official-drift.md}): what differs, what is declared and why, what is stale. */
final class DriftReport {

    private DriftReport() {}

    static String markdown(DriftResult result, String officialName, String ourName) {
        StringBuilder out = new StringBuilder();
        out.append("# Drift from the official Atlas spec\n\n");
        out.append("| | |\n|---|---|\n");
        out.append("| official spec | `").append(officialName).append("` |\n");
        out.append("| our spec | `").append(ourName).append("` |\n");
        out.append("| our Atlas operations compared | ")
                .append(result.operations())
                .append(" |\n");
        out.append("| undeclared differences | **")
                .append(result.undeclared().size())
                .append("** |\n");
        out.append("| declared differences | ").append(result.declared().size()).append(" |\n");
        out.append("| stale declarations | **").append(result.stale().size()).append("** |\n");
        out.append("| invalid declarations | **")
                .append(result.invalid().size())
                .append("** |\n");
        out.append("| verdict | **").append(result.passes() ? "PASS" : "FAIL").append("** |\n\n");
        out.append("Each row: the operation, the item within it, the official value, ours. Declare a deliberate ")
                .append(
                        "difference in `spec/openapi.yaml` with `x-official-difference: {<key>: <reason>}` on the node ")
                .append("named in *declare at* (docs/7-changing-the-spec.md).\n\n");
        out.append("## Undeclared differences\n\n");
        if (result.undeclared().isEmpty()) {
            out.append("_None._\n\n");
        } else {
            out.append("A difference our spec has in one place (a shared parameter or schema) is one row, with every ")
                    .append("operation and item it shows up in.\n\n");
            out.append("| declare at | key | official | ours | operation and item |\n|---|---|---|---|---|\n");
            DriftResult.grouped(result.undeclared()).forEach(group -> {
                Difference first = group.get(0).difference();
                Place place = first.places().get(0);
                out.append("| `")
                        .append(cell(place.pointer()))
                        .append("` | `")
                        .append(cell(place.key()))
                        .append("` | ")
                        .append(cell(first.official()))
                        .append(" | ")
                        .append(cell(first.ours()))
                        .append(" | ")
                        .append(occurrences(group))
                        .append(" |\n");
            });
            out.append('\n');
        }
        out.append("## Stale or invalid declarations\n\n");
        if (result.stale().isEmpty() && result.invalid().isEmpty()) {
            out.append("_None._\n\n");
        } else {
            result.stale()
                    .forEach(entry -> out.append("- stale: `")
                            .append(cell(entry.pointer()))
                            .append("` key `")
                            .append(cell(entry.key()))
                            .append("` matches no difference (")
                            .append(cell(entry.reason()))
                            .append(")\n"));
            result.invalid()
                    .forEach(
                            line -> out.append("- invalid: ").append(cell(line)).append('\n'));
            out.append('\n');
        }
        out.append("## Declared differences\n\n");
        List<DriftResult.Row> declared = result.declared();
        if (declared.isEmpty()) {
            out.append("_None._\n");
        } else {
            out.append("| official | ours | reason | operation and item |\n|---|---|---|---|\n");
            DriftResult.grouped(declared).forEach(group -> {
                Difference first = group.get(0).difference();
                out.append("| ")
                        .append(cell(first.official()))
                        .append(" | ")
                        .append(cell(first.ours()))
                        .append(" | ")
                        .append(cell(group.get(0).reason()))
                        .append(" | ")
                        .append(occurrences(group))
                        .append(" |\n");
            });
        }
        return out.toString();
    }

    private static String occurrences(List<DriftResult.Row> group) {
        return group.stream()
                .map(row -> cell(row.difference().operation()) + " `"
                        + cell(row.difference().item()) + "`")
                .collect(Collectors.joining("<br>"));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
