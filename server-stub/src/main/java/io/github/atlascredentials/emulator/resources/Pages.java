package io.github.atlascredentials.emulator.resources;

import java.util.List;

/** One page of a list: {@code pageNum} is 1-based; both values were checked against the spec and defaulted by it. */
final class Pages {
    private Pages() {
    }

    static <T> List<T> of(List<T> all, Integer pageNum, Integer itemsPerPage) {
        long from = (long) (pageNum - 1) * itemsPerPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + itemsPerPage));
    }
}
