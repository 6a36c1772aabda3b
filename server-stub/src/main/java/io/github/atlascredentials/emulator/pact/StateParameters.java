package io.github.atlascredentials.emulator.pact;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.emulator.SpecFacts;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code params} of one state change, read with the state's defaults; bad values are {@link InvalidStateParameter}s. */
public final class StateParameters {
    private final String stateName;
    private final Map<String, String> defaults;
    private final JsonNode params;

    /** @param defaults each declared parameter's default value (possibly null), by name */
    StateParameters(String stateName, Map<String, String> defaults, JsonNode params) {
        this.stateName = stateName;
        this.defaults = defaults;
        this.params = params;
    }

    /** A whole number within {@code [min, max]}. */
    public int whole(String name, int min, int max) {
        String text = text(name);
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidStateParameter(stateName, name, "must be a whole number");
        }
        if (value < min || value > max) {
            throw new InvalidStateParameter(stateName, name, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** The value as text (a JSON number or string), or the state's default. */
    public String text(String name) {
        JsonNode value = params == null ? null : params.get(name);
        if (value != null && (value.isTextual() || value.isNumber() || value.isBoolean())) {
            return value.asText();
        }
        if (value != null && !value.isNull()) {
            throw new InvalidStateParameter(stateName, name, "must be a string or a number");
        }
        if (!defaults.containsKey(name)) {
            throw new IllegalStateException("the state declares no parameter " + name);
        }
        return defaults.get(name);
    }

    /** One of {@code allowed}. */
    public String oneOf(String name, List<String> allowed) {
        String value = text(name);
        if (!allowed.contains(value)) {
            throw new InvalidStateParameter(stateName, name, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** Comma-separated organization roles of the spec (at least one). */
    public List<String> organizationRoles(String name) {
        List<String> roles = Arrays.stream(text(name).split(","))
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .toList();
        List<String> known = SpecFacts.ORG_ROLES;
        if (roles.isEmpty() || !known.containsAll(roles)) {
            throw new InvalidStateParameter(
                    stateName, name, "must list organization roles among " + String.join(", ", known));
        }
        return roles;
    }

    /** Comma-separated names (none when empty), such as project roles, which the spec leaves open. */
    public Set<String> names(String name) {
        return Arrays.stream(text(name).split(","))
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** A parameter value a state cannot use. */
    public static final class InvalidStateParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidStateParameter(String state, String parameter, String problem) {
            super("parameter " + parameter + " of the state \"" + state + "\" " + problem + ".", null, false, false);
        }
    }
}
