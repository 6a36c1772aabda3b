package io.github.atlascredentials.spec.gate;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds component schemas and schema properties that the current spec no longer has.
 *
 * <p>openapi-diff calls the removal of an optional response field compatible: a client that
 * reads JSON loosely keeps working. Our client is generated, though: every schema is a class
 * and every property a getter, so a removal breaks the source of code that uses them.
 */
final class RemovedModelMembers {

    private RemovedModelMembers() {}

    static List<String> between(String releasedSpec, String currentSpec) {
        Map<String, Schema> released = componentSchemas(releasedSpec);
        Map<String, Schema> current = componentSchemas(currentSpec);
        List<String> removed = new ArrayList<>();
        released.forEach((name, releasedSchema) -> {
            Schema currentSchema = current.get(name);
            if (currentSchema == null) {
                removed.add("schema `" + name + "` was removed (its generated model class disappears)");
                return;
            }
            Map<String, Schema> releasedProperties = propertiesOf(releasedSchema);
            Map<String, Schema> currentProperties = propertiesOf(currentSchema);
            releasedProperties.keySet().stream()
                    .filter(property -> !currentProperties.containsKey(property))
                    .forEach(property -> removed.add("property `" + name + "." + property
                            + "` was removed (its generated getter and setter disappear)"));
        });
        return List.copyOf(removed);
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> propertiesOf(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        return properties == null ? Map.of() : properties;
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> componentSchemas(String spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        OpenAPI openApi =
                new OpenAPIV3Parser().readContents(spec, null, options).getOpenAPI();
        if (openApi == null
                || openApi.getComponents() == null
                || openApi.getComponents().getSchemas() == null) {
            return Map.of();
        }
        return openApi.getComponents().getSchemas();
    }
}
