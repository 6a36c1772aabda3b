package io.github.atlascredentials.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, minimum, maximum and relative spread of repeated measurements. */
record Stats(double median, double min, double max, int count) {
    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** (max - min) / median. */
    double spread() {
        return median == 0 ? 0 : (max - min) / median;
    }

    boolean present() {
        return count > 0;
    }
}
