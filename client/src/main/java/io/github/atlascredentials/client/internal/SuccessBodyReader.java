package io.github.atlascredentials.client.internal;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.atlascredentials.client.AtlasResponseException;
import io.github.atlascredentials.client.generated.model.ApiKey;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a 2xx body completely. Names the service adds over time (roles) are text in the spec's answers, so
 * they read back exactly as sent; no value is ever turned into {@code null}. A body that is cut short, empty,
 * not a JSON object, a value that does not fit its model, or lacks a field
 * the spec requires (the generated models carry {@code required} from the spec) becomes an
 * {@link AtlasResponseException} with the status and the masked raw body, from which a user can
 * still recover a created secret.
 */
final class SuccessBodyReader {
    private static final String MODEL_PACKAGE = ApiKey.class.getPackageName();

    private final ObjectMapper mapper;
    private final Redactor redactor;
    /**
     * Per model type, what is worked out once: its reader and its properties as the required-field walk needs them
     * (introspecting a bean on every call cost about half of this reader's time per call).
     */
    private final Map<Type, JavaType> types = new ConcurrentHashMap<>();

    private final Map<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();
    private final Map<JavaType, List<Property>> properties = new ConcurrentHashMap<>();

    /** One property of a model: its JSON name, whether the spec requires it, and its type. */
    private record Property(String name, boolean required, JavaType type) {}

    SuccessBodyReader(ObjectMapper generated, Redactor redactor) {
        this.mapper = generated.copy();
        this.redactor = redactor;
    }

    /**
     * The most of a 2xx body this client reads (no answer of the spec comes near it): a larger body is reported as
     * too large, with its status, instead of being held in memory.
     */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    /**
     * The body as far as it was read; {@code complete} is false when the connection broke first or, with
     * {@code tooLarge}, when it went past {@link #MAX_BODY_BYTES}.
     */
    record Body(byte[] bytes, boolean complete, boolean tooLarge) {
        Body(byte[] bytes, boolean complete) {
            this(bytes, complete, false);
        }

        static Body tooLarge(byte[] start) {
            return new Body(start, false, true);
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    <T> T read(int status, Body body, Type returnType) {
        if (body.tooLarge()) {
            throw failure(
                    status,
                    "the body is larger than the " + MAX_BODY_BYTES + " bytes this client reads; the service"
                            + " answered " + status + ", so the request was applied",
                    body);
        }
        if (!body.complete()) {
            throw failure(status, "the body was cut short", body);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body.bytes());
        } catch (StreamConstraintsException tooLarge) {
            throw failure(
                    status,
                    "the body exceeds the JSON reader's limits (" + tooLarge.getOriginalMessage()
                            + "); the service answered " + status + ", so the request was applied",
                    body);
        } catch (IOException notJson) {
            throw failure(status, "the body is not JSON", body);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw failure(status, "the body is empty or null", body);
        }
        JavaType type = types.computeIfAbsent(returnType, mapper::constructType);
        List<String> missing = new ArrayList<>();
        missingRequired(tree, type, "", missing);
        if (!missing.isEmpty()) {
            throw failure(status, "required fields missing or null: " + String.join(", ", missing), body);
        }
        T value;
        try {
            value = readers.computeIfAbsent(type, mapper::readerFor).readValue(tree);
        } catch (IOException | IllegalArgumentException wrongShape) {
            throw failure(status, "the body does not have the shape the spec gives", body);
        }
        return value;
    }

    private AtlasResponseException failure(int status, String problem, Body body) {
        return new AtlasResponseException(status, problem, redactor.redact(body.text()));
    }

    /** Walks the body along the model type; each required property absent or null is listed by its path. */
    private void missingRequired(JsonNode node, JavaType type, String path, List<String> missing) {
        if (type.isContainerType() && type.getContentType() != null) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    JsonNode item = node.get(i);
                    if (item.isNull()) {
                        missing.add(path + "[" + i + "]");
                    } else {
                        missingRequired(item, type.getContentType(), path + "[" + i + "]", missing);
                    }
                }
            }
            return;
        }
        if (!type.getRawClass().getPackageName().equals(MODEL_PACKAGE) || type.isEnumType()) {
            return;
        }
        if (!node.isObject()) {
            missing.add(path.isEmpty() ? "(the whole object)" : path);
            return;
        }
        // Seen from the getters: the generated creators do not repeat required=true.
        for (Property property : properties.computeIfAbsent(type, this::propertiesOf)) {
            JsonNode value = node.get(property.name());
            if (value == null || value.isNull()) {
                if (property.required()) {
                    missing.add(path.isEmpty() ? property.name() : path + "." + property.name());
                }
            } else {
                missingRequired(
                        value,
                        property.type(),
                        path.isEmpty() ? property.name() : path + "." + property.name(),
                        missing);
            }
        }
    }

    private List<Property> propertiesOf(JavaType type) {
        BeanDescription description = mapper.getSerializationConfig().introspect(type);
        List<Property> list = new ArrayList<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            list.add(new Property(property.getName(), property.isRequired(), property.getPrimaryType()));
        }
        return List.copyOf(list);
    }
}
