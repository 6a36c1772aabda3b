package io.github.atlascredentials.spec.drift;

/**
 * Where in our spec a difference may be declared: the node at {@code pointer} carries
 * {@code x-official-difference: {<key>: <reason>}}.
 */
record Place(String pointer, String key) {

    /** The key by which an item that only our spec has is declared on that item itself. */
    static final String NOT_IN_OFFICIAL = "not-in-official";

    @Override
    public String toString() {
        return pointer + " key '" + key + "'";
    }
}
