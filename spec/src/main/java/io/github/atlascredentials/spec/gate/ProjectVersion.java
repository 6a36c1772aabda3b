package io.github.atlascredentials.spec.gate;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A project version such as {@code 1.0.0-api.<API version date>}; only its major number matters to the gate. */
public record ProjectVersion(String text, int major) {

    private static final Pattern LEADING_MAJOR = Pattern.compile("^(\\d+)(?:\\.|-|$)");

    public ProjectVersion {
        Objects.requireNonNull(text, "text");
    }

    public static ProjectVersion parse(String text) {
        String trimmed = Objects.requireNonNull(text, "version").trim();
        Matcher matcher = LEADING_MAJOR.matcher(trimmed);
        if (!matcher.find()) {
            throw new IllegalArgumentException("Not a version with a leading major number: '" + trimmed + "'");
        }
        return new ProjectVersion(trimmed, Integer.parseInt(matcher.group(1)));
    }

    @Override
    public String toString() {
        return text;
    }
}
