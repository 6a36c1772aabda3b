package io.github.atlascredentials.spec.drift;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the drift check found: every difference (declared or not), stale and invalid declarations. */
record DriftResult(int operations, List<Row> rows, List<Declarations.Entry> stale, List<String> invalid) {

    /** A difference and the reason that declares it, or null. */
    record Row(Difference difference, String reason) {
        boolean declared() {
            return reason != null;
        }
    }

    DriftResult {
        rows = List.copyOf(rows);
        stale = List.copyOf(stale);
        invalid = List.copyOf(invalid);
    }

    List<Row> undeclared() {
        return rows.stream().filter(row -> !row.declared()).toList();
    }

    List<Row> declared() {
        return rows.stream().filter(Row::declared).toList();
    }

    boolean passes() {
        return undeclared().isEmpty() && stale.isEmpty() && invalid.isEmpty();
    }

    /**
     * The rows grouped by what differs in our spec: the same declaration place, official value and ours
     * (a shared schema differs the same way in every operation and response that uses it).
     */
    static Collection<List<Row>> grouped(List<Row> rows) {
        Map<List<Object>, List<Row>> groups = new LinkedHashMap<>();
        rows.forEach(row -> groups.computeIfAbsent(
                        List.of(
                                row.difference().places().get(0),
                                row.difference().official(),
                                row.difference().ours()),
                        key -> new ArrayList<>())
                .add(row));
        return groups.values();
    }

    /** One line per problem (a difference that shows up in several items once, with their count), for the build log. */
    List<String> problems() {
        List<String> lines = new ArrayList<>();
        grouped(undeclared()).forEach(group -> {
            Difference first = group.get(0).difference();
            lines.add("undeclared: " + first.line()
                    + (group.size() > 1 ? " (and " + (group.size() - 1) + " more items alike)" : "") + " (declare at "
                    + first.places().get(0) + ")");
        });
        stale.forEach(entry -> lines.add(
                "stale declaration: " + entry.pointer() + " key '" + entry.key() + "' matches no difference"));
        invalid.forEach(line -> lines.add("invalid declaration: " + line));
        return lines;
    }
}
