package io.github.atlascredentials.spec.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code x-official-difference} declarations of our spec. Each is a map on the node it concerns,
 * from the item (relative to that node) to the reason:
 * <pre>
 * x-official-difference:
 *   readOnly: the secret is only ever sent by the service; readOnly would hide it from ...
 * </pre>
 * A declaration covers exactly the difference whose {@link Place} is that node and key. Entries no
 * difference used are stale; a declaration that is not such a map, has an empty reason or sits beside
 * a {@code $ref} (where OpenAPI 3.0 ignores siblings) is invalid.
 */
final class Declarations {

    static final String EXTENSION = "x-official-difference";

    /** One declared item. */
    record Entry(String pointer, String key, String reason) {}

    private final Map<Place, Entry> entries = new LinkedHashMap<>();
    private final Map<Place, Boolean> used = new LinkedHashMap<>();
    private final List<String> invalid = new ArrayList<>();

    private Declarations() {}

    static Declarations of(JsonNode ourSpec) {
        Declarations declarations = new Declarations();
        declarations.scan(ourSpec, Pointer.ROOT);
        return declarations;
    }

    /** The reason that declares {@code difference}, marking the declaration used. */
    Optional<String> reasonFor(Difference difference) {
        for (Place place : difference.places()) {
            Entry entry = entries.get(place);
            if (entry != null) {
                used.put(place, true);
                return Optional.of(entry.reason());
            }
        }
        return Optional.empty();
    }

    List<Entry> stale() {
        return entries.entrySet().stream()
                .filter(e -> !used.getOrDefault(e.getKey(), false))
                .map(Map.Entry::getValue)
                .toList();
    }

    List<String> invalid() {
        return List.copyOf(invalid);
    }

    int size() {
        return entries.size();
    }

    private void scan(JsonNode node, String pointer) {
        if (node.isObject()) {
            JsonNode declaration = node.get(EXTENSION);
            if (declaration != null) {
                read(declaration, pointer, node.has("$ref"));
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                // Extensions and examples hold data, not spec nodes.
                if (!field.getKey().startsWith("x-")
                        && !field.getKey().equals("example")
                        && !field.getKey().equals("examples")) {
                    scan(field.getValue(), Pointer.child(pointer, field.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scan(node.get(i), Pointer.child(pointer, String.valueOf(i)));
            }
        }
    }

    private void read(JsonNode declaration, String pointer, boolean besideRef) {
        if (besideRef) {
            invalid.add(pointer + ": " + EXTENSION + " beside a $ref is ignored by OpenAPI 3.0;"
                    + " declare it on the referenced node or on the node that contains this one");
            return;
        }
        if (!declaration.isObject() || declaration.isEmpty()) {
            invalid.add(pointer + ": " + EXTENSION + " must map each item to its reason, e.g. {readOnly: <reason>}");
            return;
        }
        declaration.fields().forEachRemaining(field -> {
            String reason =
                    field.getValue().isTextual() ? field.getValue().asText().strip() : "";
            if (reason.isEmpty()) {
                invalid.add(pointer + ": " + EXTENSION + " item '" + field.getKey() + "' needs a reason (text)");
            } else {
                Place place = new Place(pointer, field.getKey());
                entries.put(place, new Entry(pointer, field.getKey(), reason));
            }
        });
    }
}
