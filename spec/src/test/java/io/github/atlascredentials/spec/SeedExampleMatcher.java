package io.github.atlascredentials.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.atlascredentials.spec.SeedDocuments.SeedExample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds seed examples among the spec's named example values (deep JSON equality, numbers
 * compared by value).
 *
 * <p>Placeholders: seed 004's API-key response says {@code "{ORG-ID}"}, {@code "{API-KEY-ID}"} and
 * {@code "{PUBLIC-KEY}"} where a live answer has values. The spec's example fills them in and its
 * description documents each substitution as {@code `{NAME}` = value}. The substitution map is read
 * from those descriptions, so the spec itself says which sample value stands for which placeholder.
 */
final class SeedExampleMatcher {

    private static final Pattern SUBSTITUTION = Pattern.compile("`(\\{[A-Z][A-Z0-9-]*})`\\s*=\\s*([^\\s,;)`]+)");
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
            (a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private final Map<String, JsonNode> namedExamples;
    private final Map<String, String> placeholders;

    SeedExampleMatcher(SpecDocument spec) {
        this.namedExamples = namedExampleValues(spec);
        this.placeholders = placeholderSubstitutions(spec);
    }

    Map<String, String> placeholders() {
        return placeholders;
    }

    /** One line for each seed example that no named example of the spec equals. */
    List<String> missing(List<SeedExample> seedExamples) {
        List<String> missing = new ArrayList<>();
        for (SeedExample seed : seedExamples) {
            if (findName(seed.value()) == null) {
                missing.add(seed.describe() + " (placeholders substituted: " + substituted(seed.value()) + ")");
            }
        }
        return missing;
    }

    /** The location of a named example equal to the seed value (placeholders substituted), or null. */
    String findName(JsonNode seedValue) {
        JsonNode wanted = substituted(seedValue);
        return namedExamples.entrySet().stream()
                .filter(named -> named.getValue().equals(NUMBERS_BY_VALUE, wanted))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    JsonNode substituted(JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                text = text.replace(placeholder.getKey(), placeholder.getValue());
            }
            return JsonNodeFactory.instance.textNode(text);
        }
        if (value.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            value.forEach(element -> array.add(substituted(element)));
            return array;
        }
        if (value.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            value.fields().forEachRemaining(field -> object.set(field.getKey(), substituted(field.getValue())));
            return object;
        }
        return value;
    }

    /** Named example values: components/examples and inline named examples of media types, parameters, headers. */
    private static Map<String, JsonNode> namedExampleValues(SpecDocument spec) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        spec.components("examples").fields().forEachRemaining(example -> {
            if (example.getValue().has("value")) {
                values.put(
                        "#/components/examples/" + example.getKey(),
                        example.getValue().get("value"));
            }
        });
        collectInlineNamedExamples(spec.root(), "#", values);
        return values;
    }

    private static void collectInlineNamedExamples(JsonNode node, String pointer, Map<String, JsonNode> values) {
        if (!node.isContainerNode()) {
            return;
        }
        if (node.isObject() && node.path("examples").isObject() && !pointer.equals("#/components")) {
            node.get("examples").fields().forEachRemaining(named -> {
                if (named.getValue().has("value")) {
                    values.put(
                            pointer + "/examples/" + named.getKey(),
                            named.getValue().get("value"));
                }
            });
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("examples") && !field.getKey().equals("example")) {
                    collectInlineNamedExamples(field.getValue(), pointer + "/" + field.getKey(), values);
                }
            });
        }
    }

    private static Map<String, String> placeholderSubstitutions(SpecDocument spec) {
        Map<String, String> substitutions = new LinkedHashMap<>();
        spec.components("examples").forEach(example -> {
            Matcher matcher = SUBSTITUTION.matcher(example.path("description").asText());
            while (matcher.find()) {
                substitutions.put(matcher.group(1), matcher.group(2));
            }
        });
        return substitutions;
    }
}
