package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.atlascredentials.emulator.generated.model.CloudManagerSecretExpiresAfterHours;

import java.io.IOException;

/** The one configured ObjectMapper of the emulator. */
public final class Json {
    /** Deeper nesting is refused as malformed JSON, per the spec. */
    public static final int MAX_NESTING_DEPTH = 32;

    public static final ObjectMapper MAPPER = create();

    private Json() {
    }

    private static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        SimpleModule oneOfModule = new SimpleModule("cloud-manager-hours");
        // The generator renders the oneOf (integer | numeric string) as an empty class; the request gate
        // has already validated the value, so binding just skips it.
        oneOfModule.addDeserializer(CloudManagerSecretExpiresAfterHours.class, new JsonDeserializer<>() {
            @Override
            public CloudManagerSecretExpiresAfterHours deserialize(JsonParser p, DeserializationContext ctxt)
                    throws IOException {
                p.skipChildren();
                return new CloudManagerSecretExpiresAfterHours();
            }
        });
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .registerModule(oneOfModule)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
