package io.github.atlascredentials.emulator.resources;

import io.github.atlascredentials.emulator.http.ApiRequest;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Gives a resource method the {@link ApiRequest} of the request it serves. The generated interfaces
 * fix the methods' parameters, so what the steps established (caller, organization, media type)
 * arrives through Jersey's request context, which Jersey injects into this holder.
 */
final class RequestData {
    private RequestData() {}

    static ApiRequest of(Provider<ContainerRequestContext> context) {
        ApiRequest request = ApiRequest.of(context.get());
        if (request == null) {
            throw new IllegalStateException("the request did not pass the request pipeline");
        }
        return request;
    }
}
