package io.github.atlascredentials.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.spec.OasSchemaTranslator.Direction;

/**
 * One place where an example is used: the same named example used by two media types or two
 * operations is two uses, each validated against its own schema.
 *
 * @param location  where, e.g. {@code POST /api/oauth/token requestBody application/x-www-form-urlencoded}
 * @param name      the example's name there, with the component it refers to, if any
 * @param value     the example value; null when the example has none (e.g. only an externalValue)
 * @param schema    the OpenAPI schema it must satisfy; null when there is none
 * @param direction request or response side, for readOnly/writeOnly
 */
record ExampleUse(String location, String name, JsonNode value, JsonNode schema, Direction direction) {

    String describe() {
        return "example '" + name + "' at " + location;
    }
}
