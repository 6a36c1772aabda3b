package io.github.atlascredentials.emulator.seed;

/** A seed document that cannot be loaded; the message names the source, the JSON path and the problem. */
public final class SeedException extends RuntimeException {
    private final String source;
    private final String jsonPath;
    private final String problem;

    public SeedException(String source, String jsonPath, String problem) {
        super(source + ": " + jsonPath + ": " + problem);
        this.source = source;
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public String jsonPath() {
        return jsonPath;
    }

    public String problem() {
        return problem;
    }
}
