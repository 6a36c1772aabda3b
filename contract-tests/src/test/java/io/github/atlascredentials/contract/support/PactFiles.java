package io.github.atlascredentials.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The pact files the consumer tests wrote (folder from the system property {@code pact.folder}). */
public final class PactFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PactFiles() {}

    public static Path folder() {
        return Path.of(System.getProperty("pact.folder", "target/pacts"));
    }

    public static List<Path> all() {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pact " + file, e);
        }
    }

    /** One HTTP interaction of a pact file, as recorded (example values). */
    public record HttpInteraction(
            String pactFile, String description, List<String> providerStates, JsonNode request, JsonNode response) {
        /** How failures name it. */
        public String name() {
            return "'" + description + "' (given " + String.join(", ", providerStates) + ")";
        }
    }

    public static List<HttpInteraction> interactions() {
        List<HttpInteraction> result = new ArrayList<>();
        for (Path file : all()) {
            JsonNode pact = read(file);
            for (JsonNode i : pact.path("interactions")) {
                List<String> states = new ArrayList<>();
                i.path("providerStates").forEach(s -> states.add(s.path("name").asText()));
                result.add(new HttpInteraction(
                        file.getFileName().toString(),
                        i.path("description").asText(),
                        states,
                        i.path("request"),
                        i.path("response")));
            }
        }
        return result;
    }

    /** The recorded body as text: JSON bodies are stored as JSON, others as strings. */
    public static String bodyText(JsonNode message) {
        JsonNode body = message.path("body");
        if (body.isMissingNode() || body.isNull()) {
            return null;
        }
        JsonNode content = body.path("content");
        if (content.isMissingNode() || content.isNull()) {
            return null;
        }
        return content.isTextual() ? content.textValue() : content.toString();
    }
}
