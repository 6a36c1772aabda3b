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
  private RequestReplayer() {
  }

  public static void replay(ClientRequestContext request, ClientResponseContext response) {
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    for (Map.Entry<String, List<Object>> header : request.getHeaders().entrySet()) {
      if (!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(header.getKey())) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    Invocation.Builder builder = request.getClient().target(request.getUri()).request().headers(headers);
    for (String name : request.getPropertyNames()) {
      builder.property(name, request.getProperty(name));
    }
    builder.property(RequestProperties.REPLAYED, Boolean.TRUE);
    Object entity = request.getEntity();
    Response next = entity == null
        ? builder.method(request.getMethod())
        : builder.method(request.getMethod(), Entity.entity(entity, request.getMediaType()));
    if (response.hasEntity()) {
      try (InputStream old = response.getEntityStream()) {
        old.transferTo(OutputStreamSink.INSTANCE);
      } catch (java.io.IOException ignored) {
        // The discarded challenge body does not matter.
      }
    }
    response.setStatus(next.getStatus());
    response.getHeaders().clear();
    response.getHeaders().putAll(next.getStringHeaders());
    response.setEntityStream(next.hasEntity()
        ? next.readEntity(InputStream.class)
        : new ByteArrayInputStream(new byte[0]));
  }

  /** Drains bytes so that the connection of the discarded answer can be reused. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {
    }

    @Override
    public void write(byte[] b, int off, int len) {
    }
  }
}
