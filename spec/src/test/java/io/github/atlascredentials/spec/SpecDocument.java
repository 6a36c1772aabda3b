package io.github.atlascredentials.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenAPI document as a plain JSON tree, so that checks can walk it, follow its local
 * {@code $ref}s and mutate a copy of it to prove that they fire.
 */
final class SpecDocument {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final ObjectNode root;

    private SpecDocument(ObjectNode root) {
        this.root = root;
    }

    /** The project's spec, as configured by surefire ({@code spec.file}), else the module's own file. */
    static Path mainSpecPath() {
        return Path.of(System.getProperty("spec.file", "openapi.yaml")).toAbsolutePath();
    }

    /** A fresh parse of the project's spec: callers may mutate it. */
    static SpecDocument loadMain() {
        return load(mainSpecPath());
    }

    static SpecDocument load(Path file) {
        try {
            return fromYaml(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** A test fixture from the test classpath (src/test/resources). */
    static Path fixture(String relativePath) {
        URL resource = SpecDocument.class.getResource("/" + relativePath);
        if (resource == null) {
            throw new IllegalStateException("Missing test fixture " + relativePath + " on the test classpath");
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SpecDocument fromYaml(String yaml) {
        try {
            return new SpecDocument((ObjectNode) YAML.readTree(yaml));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a YAML document: " + e.getOriginalMessage(), e);
        }
    }

    ObjectNode root() {
        return root;
    }

    SpecDocument copy() {
        return new SpecDocument(root.deepCopy());
    }

    String toYaml() {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The node a local reference ({@code #/components/...}) points at. */
    JsonNode at(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("Only local references are supported: " + ref);
        }
        JsonNode target = root.at(JsonPointer.compile(ref.substring(1)));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("Unresolvable $ref " + ref);
        }
        return target;
    }

    /** Follows {@code $ref} chains until a node that is not a reference. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            if (hops > 32) {
                throw new IllegalArgumentException(
                        "Circular $ref chain at " + node.get("$ref").asText());
            }
            current = at(current.get("$ref").asText());
        }
        return current;
    }

    /** The text of the {@code $ref} of a node, or null when it is inline. */
    static String refOf(JsonNode node) {
        return node != null && node.has("$ref") ? node.get("$ref").asText() : null;
    }

    JsonNode components(String section) {
        return root.path("components").path(section);
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(new Operation(path.getKey(), method, path.getValue(), operation));
                }
            }
        });
        return operations;
    }

    /** One operation of the document with the path item it belongs to. */
    record Operation(String path, String method, JsonNode pathItem, JsonNode node) {

        String label() {
            return method.toUpperCase() + " " + path;
        }

        List<String> tags() {
            List<String> tags = new ArrayList<>();
            node.path("tags").forEach(tag -> tags.add(tag.asText()));
            return tags;
        }

        boolean isTagged(String tag) {
            return tags().contains(tag);
        }

        /**
         * Path-item and operation parameters, resolved, in declaration order; an operation
         * parameter replaces a path-item parameter of the same name and location.
         */
        List<JsonNode> parameters(SpecDocument document) {
            Map<String, JsonNode> byKey = new LinkedHashMap<>();
            for (JsonNode source : List.of(pathItem.path("parameters"), node.path("parameters"))) {
                for (JsonNode parameter : source) {
                    JsonNode resolved = document.resolve(parameter);
                    byKey.put(
                            resolved.path("in").asText() + ":"
                                    + resolved.path("name").asText(),
                            resolved);
                }
            }
            return new ArrayList<>(byKey.values());
        }

        /** Resolved responses by status code. */
        Map<String, JsonNode> responses(SpecDocument document) {
            Map<String, JsonNode> responses = new LinkedHashMap<>();
            node.path("responses")
                    .fields()
                    .forEachRemaining(entry -> responses.put(entry.getKey(), document.resolve(entry.getValue())));
            return responses;
        }
    }
}
