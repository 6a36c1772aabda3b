package io.github.atlascredentials.spec.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plain differences between two spec files, one line per added, removed or changed value,
 * such as {@code ~ components.schemas.X.properties.y.maximum: 100 -> 50}. openapi-diff says
 * whether a change is compatible; this says exactly what changed.
 */
final class SpecTreeDiff {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_$-]+");
    private static final int MAX_VALUE_LENGTH = 80;

    private SpecTreeDiff() {}

    static List<String> between(String releasedSpec, String currentSpec) {
        List<String> lines = new ArrayList<>();
        compare("", tree(releasedSpec), tree(currentSpec), lines);
        return List.copyOf(lines);
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<String> lines) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String child = child(path, key);
                if (!after.has(key)) {
                    lines.add("- " + child + ": " + shown(before.get(key)));
                } else if (!before.has(key)) {
                    lines.add("+ " + child + ": " + shown(after.get(key)));
                } else {
                    compare(child, before.get(key), after.get(key), lines);
                }
            }
        } else if (before.isArray() && after.isArray() && allScalar(before) && allScalar(after)) {
            // Lists such as `required` and `enum` read best as added and removed members.
            Set<JsonNode> old = members(before);
            Set<JsonNode> now = members(after);
            now.stream().filter(v -> !old.contains(v)).forEach(v -> lines.add("+ " + path + "[]: " + shown(v)));
            old.stream().filter(v -> !now.contains(v)).forEach(v -> lines.add("- " + path + "[]: " + shown(v)));
            if (old.equals(now)) {
                lines.add("~ " + path + ": order " + shown(before) + " -> " + shown(after));
            }
        } else if (before.isArray() && after.isArray()) {
            int common = Math.min(before.size(), after.size());
            for (int i = 0; i < common; i++) {
                compare(path + "[" + i + "]", before.get(i), after.get(i), lines);
            }
            for (int i = common; i < before.size(); i++) {
                lines.add("- " + path + "[" + i + "]: " + shown(before.get(i)));
            }
            for (int i = common; i < after.size(); i++) {
                lines.add("+ " + path + "[" + i + "]: " + shown(after.get(i)));
            }
        } else {
            lines.add("~ " + path + ": " + shown(before) + " -> " + shown(after));
        }
    }

    private static boolean allScalar(JsonNode array) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            if (it.next().isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static Set<JsonNode> members(JsonNode array) {
        Set<JsonNode> members = new LinkedHashSet<>();
        array.elements().forEachRemaining(members::add);
        return members;
    }

    private static String child(String path, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "['" + key + "']";
    }

    private static String shown(JsonNode value) {
        String text = value.isTextual() ? '"' + value.asText() + '"' : value.toString();
        text = text.replace("\n", "\\n");
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }

    private static JsonNode tree(String spec) {
        try {
            return YAML.readTree(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("Not YAML: " + e.getMessage(), e);
        }
    }
}
