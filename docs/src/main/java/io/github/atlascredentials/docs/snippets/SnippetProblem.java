package io.github.atlascredentials.docs.snippets;

/** One snippet that does not match its source, located as {@code file:line}. */
public record SnippetProblem(String location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
