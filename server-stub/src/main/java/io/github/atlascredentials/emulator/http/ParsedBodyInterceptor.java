package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds a resource's typed body from the tree the body step already parsed and validated, instead of
 * letting Jackson's provider parse the bytes a second time.
 */
@Priority(1)
public final class ParsedBodyInterceptor implements ReaderInterceptor {
    private final Map<Type, ObjectReader> readers =
            new ConcurrentHashMap<>();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        ApiRequest request = ApiRequest.of(context);
        JsonNode parsed = request == null ? null : request.json();
        if (parsed == null) {
            return context.proceed();
        }
        return readers.computeIfAbsent(context.getGenericType(), t -> Json.MAPPER.readerFor(Json.MAPPER.constructType(t)))
                .readValue(parsed);
    }
}
