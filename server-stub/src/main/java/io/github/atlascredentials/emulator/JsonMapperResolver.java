package io.github.atlascredentials.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atlascredentials.emulator.http.Json;
import jakarta.ws.rs.ext.ContextResolver;

/** Hands Jersey's Jackson provider the emulator's ObjectMapper. */
final class JsonMapperResolver implements ContextResolver<ObjectMapper> {
    @Override
    public ObjectMapper getContext(Class<?> type) {
        return Json.MAPPER;
    }
}
