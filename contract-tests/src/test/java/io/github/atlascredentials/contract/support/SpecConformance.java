package io.github.atlascredentials.contract.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atlascredentials.contract.support.PactFiles.HttpInteraction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks one recorded interaction against spec/openapi.yaml with swagger-request-validator: the
 * request (path, parameters, headers, media type, body) and the response (status, headers, media
 * type, body). An {@code Envelope} answer is checked as is, and its {@code content} once more as
 * the answer of the wrapped status. Problems come back as text naming the interaction.
 */
public final class SpecConformance {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenApiInteractionValidator validator;

    public SpecConformance(Path specFile) {
        this.validator = OpenApiInteractionValidator.createForSpecificationUrl(
                        specFile.toUri().toString())
                .build();
    }

    /** Every problem found, each prefixed by the interaction's name; empty when it conforms. */
    public List<String> problems(HttpInteraction interaction) {
        Request request = request(interaction.request());
        JsonNode recorded = interaction.response();
        List<String> problems = new ArrayList<>();
        ValidationReport report = validator.validate(request, response(recorded));
        if (recorded.path("status").asInt() == 406) {
            // The spec answers an Accept naming no served version with 406; the validator cannot know
            // version dates and calls that Accept "not allowed", which is the very point of this exchange.
            report = ValidationReport.from(report.getMessages().stream()
                    .filter(m -> !m.getKey().equals("validation.request.accept.notAllowed"))
                    .toList());
        }
        if (recorded.path("status").asInt() == 204) {
            // A 204 has no body by definition (RFC 9110); the spec lists the versioned media type on an Atlas delete's
            // 204 only to name the operation's version, which the validator reads as a body it expects.
            report = ValidationReport.from(report.getMessages().stream()
                    .filter(m -> !m.getKey().equals("validation.response.body.missing"))
                    .toList());
        }
        collect(problems, interaction.name(), "", report);
        if (isEnvelopeRequest(interaction.request())) {
            JsonNode envelope = parse(PactFiles.bodyText(recorded));
            if (envelope == null || !envelope.has("status") || !envelope.has("content")) {
                problems.add(interaction.name() + ": envelope=true, but the answer is not an Envelope");
            } else {
                int status = envelope.get("status").asInt();
                String type = status < 400 ? header(recorded, "Content-Type") : "application/json";
                Response wrapped = SimpleResponse.Builder.status(status)
                        .withContentType(type)
                        .withBody(envelope.get("content").toString())
                        .build();
                collect(
                        problems,
                        interaction.name(),
                        " [envelope content as " + status + "]",
                        validator.validateResponse(request.getPath(), request.getMethod(), wrapped));
            }
        }
        return problems;
    }

    private static void collect(List<String> problems, String name, String where, ValidationReport report) {
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                problems.add(name + where + ": " + m.getKey() + ": " + m.getMessage()
                        + m.getContext()
                                .flatMap(c -> c.getPointers().map(p -> " (at " + p.getInstance() + ")"))
                                .orElse(""));
            }
        }
    }

    private static boolean isEnvelopeRequest(JsonNode request) {
        JsonNode values = request.path("query").path("envelope");
        return values.isArray()
                && values.size() > 0
                && "true".equalsIgnoreCase(values.get(0).asText());
    }

    static Request request(JsonNode recorded) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(
                recorded.path("method").asText(), recorded.path("path").asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = recorded.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            b.withHeader(h.getKey(), values(h.getValue()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = recorded.path("query").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> q = it.next();
            b.withQueryParam(q.getKey(), values(q.getValue()));
        }
        String body = PactFiles.bodyText(recorded);
        if (body != null) {
            b.withBody(body);
        }
        return b.build();
    }

    static Response response(JsonNode recorded) {
        SimpleResponse.Builder b =
                SimpleResponse.Builder.status(recorded.path("status").asInt());
        for (Iterator<Map.Entry<String, JsonNode>> it = recorded.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            b.withHeader(h.getKey(), values(h.getValue()));
        }
        String body = PactFiles.bodyText(recorded);
        if (body != null) {
            b.withBody(body);
        }
        return b.build();
    }

    private static String header(JsonNode message, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = message.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (h.getKey().equalsIgnoreCase(name)) {
                return values(h.getValue()).get(0);
            }
        }
        return null;
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    private static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
