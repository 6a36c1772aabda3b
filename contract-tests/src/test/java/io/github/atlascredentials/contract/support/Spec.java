package io.github.atlascredentials.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * spec/openapi.yaml as read at test time: named examples, parameter examples and schemas. The
 * path comes from the system property {@code spec.file} (set by the pom from {@code ${spec.file}}),
 * so tests never carry copies of the examples.
 */
public final class Spec {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static volatile Spec shared;

    private final Path file;
    private final JsonNode root;

    private Spec(Path file) {
        this.file = file;
        try {
            this.root = YAML.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spec " + file, e);
        }
    }

    /** The project's spec, read once. */
    public static Spec load() {
        Spec s = shared;
        if (s == null) {
            synchronized (Spec.class) {
                if (shared == null) {
                    shared = new Spec(file());
                }
                s = shared;
            }
        }
        return s;
    }

    /** The spec file named by the system property {@code spec.file}. */
    public static Path file() {
        String value = Objects.requireNonNull(
                System.getProperty("spec.file"),
                "system property spec.file is not set (run through Maven, or pass -Dspec.file=.../spec/openapi.yaml)");
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("spec.file " + path + " does not exist");
        }
        return path;
    }

    public Path path() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** The value of {@code components.examples.<name>}, as a fresh copy. */
    public JsonNode example(String name) {
        JsonNode example = root.path("components").path("examples").path(name);
        if (example.isMissingNode()) {
            throw new IllegalArgumentException("the spec has no example named " + name);
        }
        return example.path("value").deepCopy();
    }

    /** The documented example of {@code components.parameters.<name>} (orgId, groupId, clientId). */
    public String parameterExample(String name) {
        JsonNode example = root.path("components").path("parameters").path(name).path("example");
        if (!example.isTextual()) {
            throw new IllegalArgumentException("the spec has no example for parameter " + name);
        }
        return example.textValue();
    }

    /** {@code components.schemas.<name>}. */
    public JsonNode schema(String name) {
        JsonNode schema = root.path("components").path("schemas").path(name);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("the spec has no schema named " + name);
        }
        return schema;
    }

    /** Follows {@code $ref}s (local ones only, which is all this spec uses). */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            if (hops > 20) {
                throw new IllegalStateException("$ref cycle at " + node);
            }
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local $refs are supported: " + ref);
            }
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("dangling $ref " + ref);
            }
        }
        return current;
    }
}
