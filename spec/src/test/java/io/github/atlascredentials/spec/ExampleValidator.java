package io.github.atlascredentials.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validates every example use of a document against its schema with the networknt JSON Schema
 * validator (draft 04, format assertions on), after {@link OasSchemaTranslator} has turned the
 * OpenAPI schema into plain JSON Schema.
 */
final class ExampleValidator {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private ExampleValidator() {}

    /** The outcome: how many uses were checked and one line per failure. */
    record Report(int usesChecked, List<String> failures) {}

    static Report validate(SpecDocument document) {
        List<ExampleUse> uses = ExampleCollector.collect(document);
        List<String> failures = new ArrayList<>();
        for (ExampleUse use : uses) {
            failures.addAll(validate(document, use));
        }
        return new Report(uses.size(), List.copyOf(failures));
    }

    private static String explain(ValidationMessage message) {
        String text = message.getMessage();
        if (text.startsWith(": ")) {
            text = "(the whole value)" + text;
        }
        if ("not".equals(message.getType())) {
            text += " (a readOnly property in a request, or a writeOnly one in a response)";
        }
        return text;
    }

    static List<String> validate(SpecDocument document, ExampleUse use) {
        if (use.value() == null) {
            return List.of(use.describe() + ": has no inline value to validate (externalValue is not supported)");
        }
        if (use.schema() == null) {
            return List.of(use.describe() + ": has no schema to validate it against");
        }
        JsonNode jsonSchema = new OasSchemaTranslator(document, use.direction()).standalone(use.schema());
        JsonSchema schema = FACTORY.getSchema(jsonSchema, CONFIG);
        Set<ValidationMessage> messages = schema.validate(use.value());
        List<String> failures = new ArrayList<>();
        for (ValidationMessage message : messages) {
            failures.add(use.describe() + " violates its schema: " + explain(message));
        }
        return failures;
    }
}
