package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.atlascredentials.emulator.generated.model.ApiKeyRequest;
import io.github.atlascredentials.emulator.generated.model.CloudManagerServiceAccountSecretRequest;
import io.github.atlascredentials.emulator.generated.model.ServiceAccountSecretRequest;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Binds the request bodies of the create operations from the tree the {@link RequestGate} already
 * parsed and validated, instead of letting Jackson's provider parse the bytes a second time.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Priority(1)
public final class ParsedBodyReader implements MessageBodyReader<Object> {
    private static final Map<Class<?>, ObjectReader> READERS = Map.of(
            ServiceAccountSecretRequest.class, Json.MAPPER.readerFor(ServiceAccountSecretRequest.class),
            CloudManagerServiceAccountSecretRequest.class, Json.MAPPER.readerFor(CloudManagerServiceAccountSecretRequest.class),
            ApiKeyRequest.class, Json.MAPPER.readerFor(ApiKeyRequest.class));

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return READERS.containsKey(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        Exchange exchange = Exchange.currentOrNull();
        JsonNode parsed = exchange == null ? null : exchange.body;
        ObjectReader reader = READERS.get(type);
        return parsed != null ? reader.readValue(parsed) : reader.readValue(entityStream);
    }
}
