package io.github.atlascredentials.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The documentation pages the spec is based on (copied into src/test/resources/seeds) and the
 * JSON example bodies in their text.
 */
final class SeedDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory STRICT_JSON = JSON.getFactory();

    private SeedDocuments() {}

    /** One JSON object found in a seed document. */
    record SeedExample(String document, int ordinal, JsonNode value) {

        String describe() {
            return "seed example #" + ordinal + " of " + document + ": " + value;
        }
    }

    /** The module's copies, as configured by surefire ({@code seeds.copy.dir}). */
    static Path copiesDir() {
        return Path.of(System.getProperty("seeds.copy.dir", "src/test/resources/seeds"))
                .toAbsolutePath();
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".txt"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list seed documents in " + dir, e);
        }
    }

    static List<SeedExample> examplesOf(Path file) {
        try {
            String name = file.getFileName().toString();
            List<SeedExample> examples = new ArrayList<>();
            for (JsonNode value : jsonObjectsIn(Files.readString(file))) {
                examples.add(new SeedExample(name, examples.size() + 1, value));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed document " + file, e);
        }
    }

    /**
     * Every non-empty, well-formed JSON object in a text, outermost first: request and response
     * bodies, error bodies, {@code curl --data '{...}'} payloads. Brace blocks that are not JSON
     * (code, {@code {ORG-ID}} placeholders, {@code { <Payload> }}) are skipped.
     */
    static List<JsonNode> jsonObjectsIn(String text) {
        List<JsonNode> objects = new ArrayList<>();
        int index = text.indexOf('{');
        while (index >= 0) {
            int end = index + 1;
            try (JsonParser parser = STRICT_JSON.createParser(text.substring(index))) {
                JsonNode value = JSON.readTree(parser);
                if (value != null && value.isObject() && !value.isEmpty()) {
                    objects.add(value);
                    end = index + (int) parser.currentLocation().getCharOffset();
                }
            } catch (JsonProcessingException notJson) {
                // not a JSON object: look for the next brace
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            index = text.indexOf('{', end);
        }
        return objects;
    }
}
