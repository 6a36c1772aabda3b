package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.github.atlascredentials.emulator.generated.model.ApiError;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * A generated model writes its properties in the spec's order, which is the order of its fields. Jackson
 * would write the properties of the model's {@code @JsonCreator} (its required ones) first, so a page would
 * start with {@code results} instead of {@code links}.
 */
final class SpecPropertyOrder extends JacksonAnnotationIntrospector {
    private static final String GENERATED_MODELS = ApiError.class.getPackageName();

    @Override
    public String[] findSerializationPropertyOrder(AnnotatedClass type) {
        String[] declared = super.findSerializationPropertyOrder(type);
        if (declared != null || !type.getRawType().getPackageName().equals(GENERATED_MODELS)) {
            return declared;
        }
        return Arrays.stream(type.getRawType().getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getName)
                .toArray(String[]::new);
    }
}
