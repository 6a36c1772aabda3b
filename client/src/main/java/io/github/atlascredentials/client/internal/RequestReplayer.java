package io.github.atlascredentials.client.internal;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Sends a request once more through the same client (and so through the same filters, which add
 * fresh credentials) and puts the new answer in place of the old one.
 */
public final class RequestReplayer {
    private RequestReplayer() {}

    public static void replay(ClientRequestContext request, ClientResponseContext response) {
        // Release the refused answer's connection before asking the pool for another one.
        ResponseBodies.consume(response);
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        for (Map.Entry<String, List<Object>> header : request.getHeaders().entrySet()) {
            if (!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(header.getKey())) {
                headers.put(header.getKey(), header.getValue());
            }
        }
        Invocation.Builder builder =
                request.getClient().target(request.getUri()).request().headers(headers);
        for (String name : request.getPropertyNames()) {
            builder.property(name, request.getProperty(name));
        }
        builder.property(RequestProperties.REPLAYED, Boolean.TRUE);
        Object entity = request.getEntity();
        Response next = entity == null
                ? builder.method(request.getMethod())
                : builder.method(request.getMethod(), Entity.entity(entity, request.getMediaType()));
        response.setStatus(next.getStatus());
        response.getHeaders().clear();
        response.getHeaders().putAll(next.getStringHeaders());
        if (next.hasEntity()) {
            response.setEntityStream(next.readEntity(InputStream.class));
        } else {
            next.close();
            response.setEntityStream(new ByteArrayInputStream(new byte[0]));
        }
    }
}
