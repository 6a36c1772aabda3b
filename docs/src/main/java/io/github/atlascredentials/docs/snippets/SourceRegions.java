package io.github.atlascredentials.docs.snippets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named regions of a source file, between {@code // snippet:start name} and
 * {@code // snippet:end name} ({@code #} comments work too, for YAML and shell files).
 */
final class SourceRegions {

    private static final Pattern MARK =
            Pattern.compile("^\\s*(?://|#)\\s*snippet:(start|end)\\s+([A-Za-z0-9_.-]+)\\s*$");

    private final Map<String, List<String>> regions;
    private final List<String> errors;

    private SourceRegions(Map<String, List<String>> regions, List<String> errors) {
        this.regions = regions;
        this.errors = errors;
    }

    static SourceRegions parse(List<String> lines) {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        Map<String, Integer> open = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher mark = MARK.matcher(line);
            if (!mark.matches()) {
                // Marker lines are never copied, so nested regions leave no trace in the outer one.
                open.keySet().forEach(name -> regions.get(name).add(line));
                continue;
            }
            String name = mark.group(2);
            if (mark.group(1).equals("start")) {
                if (regions.containsKey(name)) {
                    errors.add("region '" + name + "' starts twice (line " + (i + 1) + ")");
                    continue;
                }
                regions.put(name, new ArrayList<>());
                open.put(name, i + 1);
            } else if (open.remove(name) == null) {
                errors.add("region '" + name + "' ends at line " + (i + 1) + " without a start");
            }
        }
        open.forEach((name, line) -> errors.add("region '" + name + "' starts at line " + line + " but never ends"));
        return new SourceRegions(regions, List.copyOf(errors));
    }

    Optional<List<String>> region(String name) {
        return Optional.ofNullable(regions.get(name));
    }

    List<String> errors() {
        return errors;
    }
}
