package io.github.atlascredentials.spec.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads an OpenAPI document from one YAML file, or from a folder of YAML slices that each hold part
 * of one document ({@code paths} and {@code components}): the slices are merged into one tree. A
 * path, operation or component that two slices define differently is an error, never a silent choice.
 */
final class SpecSlices {

    private static final YAMLMapper YAML = new YAMLMapper();

    private SpecSlices() {}

    static ObjectNode read(Path fileOrFolder) {
        if (!Files.isDirectory(fileOrFolder)) {
            return readFile(fileOrFolder);
        }
        List<Path> slices;
        try (Stream<Path> files = Files.list(fileOrFolder)) {
            slices = files.filter(SpecSlices::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + fileOrFolder.toAbsolutePath(), e);
        }
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("No *.yaml or *.yml file in " + fileOrFolder.toAbsolutePath());
        }
        ObjectNode merged = readFile(slices.get(0));
        for (Path slice : slices.subList(1, slices.size())) {
            merge(merged, readFile(slice), slice);
        }
        return merged;
    }

    /** Adds the slice's paths (operation by operation) and components (item by item) to {@code into}. */
    static void merge(ObjectNode into, JsonNode slice, Path sliceName) {
        mergeLevel(into.withObject("/paths"), slice.path("paths"), "paths", 2, sliceName);
        mergeLevel(into.withObject("/components"), slice.path("components"), "components", 2, sliceName);
    }

    /** Merges maps {@code depth} levels deep (paths → methods, components → sections → items). */
    private static void mergeLevel(ObjectNode into, JsonNode from, String where, int depth, Path sliceName) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = into.get(field.getKey());
            String here = where + "." + field.getKey();
            if (existing == null) {
                into.set(field.getKey(), field.getValue().deepCopy());
            } else if (depth > 1 && existing.isObject() && field.getValue().isObject()) {
                mergeLevel((ObjectNode) existing, field.getValue(), here, depth - 1, sliceName);
            } else if (!existing.equals(field.getValue())) {
                throw new IllegalArgumentException("The slices disagree on " + here + " (" + sliceName
                        + " defines it differently from an earlier slice)");
            }
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static ObjectNode readFile(Path file) {
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException("Not an OpenAPI document: " + file.toAbsolutePath());
            }
            return (ObjectNode) tree;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }
}
