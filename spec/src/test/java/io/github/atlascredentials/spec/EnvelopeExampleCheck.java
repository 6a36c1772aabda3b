package io.github.atlascredentials.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.spec.OasSchemaTranslator.Direction;
import io.github.atlascredentials.spec.SpecDocument.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code Envelope} schema leaves {@code content} untyped, so the plain example check cannot
 * see into an enveloped example. This check does: the {@code status} of an enveloped example must
 * be a status the operation documents, and its {@code content} must validate against that
 * status's body schema (same media type when offered, else {@code application/json}).
 */
final class EnvelopeExampleCheck {

    static final String ENVELOPE_REF = "#/components/schemas/Envelope";

    private EnvelopeExampleCheck() {}

    /** The number of enveloped example uses checked and one line per failure. */
    static ExampleValidator.Report check(SpecDocument spec) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation operation : spec.operations()) {
            Map<String, JsonNode> responses = operation.responses(spec);
            for (Map.Entry<String, JsonNode> response : responses.entrySet()) {
                for (Map.Entry<String, JsonNode> mediaType :
                        iterable(response.getValue().path("content"))) {
                    if (!ENVELOPE_REF.equals(
                            SpecDocument.refOf(mediaType.getValue().path("schema")))) {
                        continue;
                    }
                    for (Map.Entry<String, JsonNode> named :
                            iterable(mediaType.getValue().path("examples"))) {
                        checked++;
                        String where = operation.label() + " response " + response.getKey() + " " + mediaType.getKey();
                        failures.addAll(checkOne(
                                spec,
                                responses,
                                mediaType.getKey(),
                                where,
                                named.getKey(),
                                spec.resolve(named.getValue()).path("value")));
                    }
                }
            }
        }
        return new ExampleValidator.Report(checked, List.copyOf(failures));
    }

    private static List<String> checkOne(
            SpecDocument spec,
            Map<String, JsonNode> responses,
            String mediaType,
            String where,
            String name,
            JsonNode envelope) {
        String status = envelope.path("status").asText();
        JsonNode wrapped = responses.get(status);
        String prefix = "enveloped example '" + name + "' at " + where;
        if (wrapped == null) {
            return List.of(prefix + ": status " + status + " is not a documented status of the operation");
        }
        JsonNode content = wrapped.path("content");
        JsonNode body = content.has(mediaType) ? content.get(mediaType) : content.path("application/json");
        if (!body.has("schema")) {
            return List.of(prefix + ": the " + status + " answer has no " + mediaType + " or application/json body");
        }
        ExampleUse use = new ExampleUse(
                where + " (wrapped " + status + ")",
                name + " content",
                envelope.get("content"),
                body.get("schema"),
                Direction.RESPONSE);
        return ExampleValidator.validate(spec, use);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
