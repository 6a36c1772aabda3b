package io.github.atlascredentials.spec.gate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --name=value} arguments of the gates and the documentation tools, which Maven passes verbatim. */
public final class CommandLine {

    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static CommandLine parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 3) {
                throw new IllegalArgumentException("Expected --name=value, got: " + arg);
            }
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return new CommandLine(values);
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing argument --" + name + "=...");
        }
        return value.trim();
    }

    public Path path(String name) {
        return Path.of(required(name));
    }

    /** Absent or empty is false; anything but true/false is a mistake worth stopping for. */
    public boolean flag(String name) {
        String value = values.getOrDefault(name, "").trim();
        if (value.isEmpty() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException("--" + name + " must be true or false, got: " + value);
    }
}
