package io.github.atlascredentials.spec.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** In-memory edited copies of the project's spec, for the gate tests. */
final class SpecEdits {

    private static final YAMLMapper YAML = new YAMLMapper();

    private SpecEdits() {}

    static Path specFile() {
        return Path.of(System.getProperty("spec.file", "../spec/openapi.yaml"));
    }

    static String original() {
        try {
            return Files.readString(specFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec after {@code edit} has changed its tree, written back as YAML. */
    static String edited(Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) YAML.readTree(original());
            edit.accept(root);
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode schema(ObjectNode root, String name) {
        return (ObjectNode) root.at("/components/schemas/" + name);
    }

    static ObjectNode properties(ObjectNode root, String schemaName) {
        return (ObjectNode) schema(root, schemaName).get("properties");
    }

    static ObjectNode at(ObjectNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("No object at " + pointer);
        }
        return object;
    }

    static void addRequired(ObjectNode root, String schemaName, String property) {
        ((ArrayNode) schema(root, schemaName).get("required")).add(property);
    }
}
