package io.github.atlascredentials.spec.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;
import java.util.function.Function;

/**
 * A spec parsed by swagger-parser, with its local {@code $ref}s followed on demand so that every
 * part keeps the pointer of the node it really comes from (where a declaration about it sits).
 * swagger-parser's own resolution is off: it would inline parameters and responses and lose that.
 */
final class ParsedSpec {

    private static final String COMPONENTS = "#/components/";
    private static final int MAX_REF_HOPS = 32;

    private final OpenAPI model;
    private final JsonNode tree;

    private ParsedSpec(OpenAPI model, JsonNode tree) {
        this.model = model;
        this.tree = tree;
    }

    static ParsedSpec parse(JsonNode tree, String name) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize " + name, e);
        }
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException("Cannot parse " + name + ": " + result.getMessages());
        }
        return new ParsedSpec(result.getOpenAPI(), tree);
    }

    OpenAPI model() {
        return model;
    }

    /** The raw tree, as written (declarations are read from it). */
    JsonNode tree() {
        return tree;
    }

    Located<Schema<?>> schema(Schema<?> schema, String pointer) {
        return resolve(schema, pointer, Schema::get$ref, "schemas", Components::getSchemas);
    }

    Located<Parameter> parameter(Parameter parameter, String pointer) {
        return resolve(parameter, pointer, Parameter::get$ref, "parameters", Components::getParameters);
    }

    Located<RequestBody> requestBody(RequestBody body, String pointer) {
        return resolve(body, pointer, RequestBody::get$ref, "requestBodies", Components::getRequestBodies);
    }

    Located<ApiResponse> response(ApiResponse response, String pointer) {
        return resolve(response, pointer, ApiResponse::get$ref, "responses", Components::getResponses);
    }

    /** Follows $refs (also a $ref to a $ref) to the component they name. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> Located<T> resolve(
            T value,
            String pointer,
            Function<T, String> ref,
            String section,
            Function<Components, Map<String, ? extends T>> components) {
        T current = value;
        String at = pointer;
        for (int hop = 0; hop < MAX_REF_HOPS; hop++) {
            String target = current == null ? null : ref.apply(current);
            if (target == null) {
                return new Located<>(current, at);
            }
            String prefix = COMPONENTS + section + "/";
            if (!target.startsWith(prefix)) {
                throw new IllegalArgumentException("Unsupported $ref " + target + " at " + at + " (only " + prefix
                        + "... refs within the document)");
            }
            String name = unescape(target.substring(prefix.length()));
            Map<String, ? extends T> known =
                    model.getComponents() == null ? null : components.apply(model.getComponents());
            T next = known == null ? null : known.get(name);
            if (next == null) {
                throw new IllegalArgumentException("Unresolved $ref " + target + " at " + at);
            }
            current = next;
            at = Pointer.child(Pointer.ROOT, "components", section, name);
        }
        throw new IllegalArgumentException("$ref loop at " + pointer);
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
