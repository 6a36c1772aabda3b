package io.github.atlascredentials.spec.drift;

import java.util.List;

/**
 * One way one of our operations differs from the official one: {@code item} names it within the
 * operation ({@code parameter query:includeCount}, {@code response 201 schema.properties.secret.readOnly}),
 * {@code places} are where a declaration covers it (the first is the one the report suggests).
 */
record Difference(String operation, String item, String official, String ours, List<Place> places) {

    Difference {
        places = List.copyOf(places);
        if (places.isEmpty()) {
            throw new IllegalArgumentException("A difference needs a place to be declared: " + item);
        }
    }

    String line() {
        return operation + " " + item + ": official " + official + ", ours " + ours;
    }
}
