package io.github.atlascredentials.spec.drift;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The differences found in one operation; the same difference reached twice is kept once. */
final class Findings {

    static final String ABSENT = "absent";
    static final String DECLARED = "declared";

    private final String operation;
    private final Set<Difference> differences = new LinkedHashSet<>();

    Findings(String operation) {
        this.operation = operation;
    }

    void add(String item, Object official, Object ours, Place... places) {
        differences.add(new Difference(operation, item, shown(official), shown(ours), List.of(places)));
    }

    List<Difference> differences() {
        return new ArrayList<>(differences);
    }

    /** A value as the report shows it: absent, a plain number, or a list in brackets. */
    static String shown(Object value) {
        if (value == null) {
            return ABSENT;
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(Findings::shown).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
