package io.github.atlascredentials.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.spec.OasSchemaTranslator.Direction;
import io.github.atlascredentials.spec.SpecDocument.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every use of an example in a document: parameter, header, request-body and response
 * examples of each operation ({@code example} and named {@code examples}, inline or referenced),
 * and {@code example} keywords inside schemas.
 */
final class ExampleCollector {

    private final SpecDocument document;
    private final List<ExampleUse> uses = new ArrayList<>();

    private ExampleCollector(SpecDocument document) {
        this.document = document;
    }

    static List<ExampleUse> collect(SpecDocument document) {
        ExampleCollector collector = new ExampleCollector(document);
        collector.collectOperations();
        collector.collectComponentSchemas();
        return List.copyOf(collector.uses);
    }

    private void collectOperations() {
        for (Operation operation : document.operations()) {
            String label = operation.label();
            for (JsonNode parameter : operation.parameters(document)) {
                collectParameterLike(
                        label + " parameter " + parameter.path("name").asText(), parameter, Direction.REQUEST);
            }
            JsonNode requestBody = operation.node().get("requestBody");
            if (requestBody != null) {
                collectContent(
                        label + " requestBody" + via(requestBody), document.resolve(requestBody), Direction.REQUEST);
            }
            operation.node().path("responses").fields().forEachRemaining(entry -> {
                String where = label + " response " + entry.getKey() + via(entry.getValue());
                JsonNode response = document.resolve(entry.getValue());
                response.path("headers")
                        .fields()
                        .forEachRemaining(header -> collectParameterLike(
                                where + " header " + header.getKey() + via(header.getValue()),
                                document.resolve(header.getValue()),
                                Direction.RESPONSE));
                collectContent(where, response, Direction.RESPONSE);
            });
        }
    }

    /** Parameters and headers: a schema with example(s), or a content map. */
    private void collectParameterLike(String where, JsonNode parameter, Direction direction) {
        if (parameter.has("content")) {
            collectContent(where, parameter, direction);
        } else {
            collectExamples(where, parameter, parameter.get("schema"), direction);
        }
    }

    private void collectContent(String where, JsonNode holder, Direction direction) {
        holder.path("content")
                .fields()
                .forEachRemaining(mediaType -> collectExamples(
                        where + " " + mediaType.getKey(),
                        mediaType.getValue(),
                        mediaType.getValue().get("schema"),
                        direction));
    }

    private void collectExamples(String where, JsonNode holder, JsonNode schema, Direction direction) {
        if (schema != null && schema.isObject()) {
            collectInlineSchemaExamples(where + " schema", schema);
        }
        if (holder.has("example")) {
            uses.add(new ExampleUse(where, "example", holder.get("example"), schema, direction));
        }
        holder.path("examples").fields().forEachRemaining(named -> {
            JsonNode example = document.resolve(named.getValue());
            String name = named.getKey() + via(named.getValue());
            uses.add(new ExampleUse(where, name, example.get("value"), schema, direction));
        });
    }

    private void collectComponentSchemas() {
        document.components("schemas")
                .fields()
                .forEachRemaining(entry ->
                        collectInlineSchemaExamples("#/components/schemas/" + entry.getKey(), entry.getValue()));
    }

    /** {@code example} keywords of a schema and its inline subschemas (references are visited where defined). */
    private void collectInlineSchemaExamples(String where, JsonNode schema) {
        if (!schema.isObject() || schema.has("$ref")) {
            return;
        }
        if (schema.has("example")) {
            uses.add(new ExampleUse(where, "example", schema.get("example"), schema, Direction.NEUTRAL));
        }
        schema.path("properties")
                .fields()
                .forEachRemaining(property ->
                        collectInlineSchemaExamples(where + "/properties/" + property.getKey(), property.getValue()));
        for (String keyword : List.of("items", "additionalProperties", "not")) {
            collectInlineSchemaExamples(where + "/" + keyword, schema.path(keyword));
        }
        for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode members = schema.path(keyword);
            for (int i = 0; i < members.size(); i++) {
                collectInlineSchemaExamples(where + "/" + keyword + "/" + i, members.get(i));
            }
        }
    }

    private static String via(JsonNode maybeRef) {
        String ref = SpecDocument.refOf(maybeRef);
        return ref == null ? "" : " (" + ref + ")";
    }
}
