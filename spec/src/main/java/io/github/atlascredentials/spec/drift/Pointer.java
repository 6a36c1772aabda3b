package io.github.atlascredentials.spec.drift;

/** JSON pointers (RFC 6901) into a spec document, written {@code #/components/schemas/X}. */
final class Pointer {

    static final String ROOT = "#";

    private Pointer() {}

    static String child(String pointer, String... tokens) {
        StringBuilder result = new StringBuilder(pointer);
        for (String token : tokens) {
            result.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return result.toString();
    }

    static String operation(String path, String method) {
        return child(ROOT, "paths", path, method);
    }
}
