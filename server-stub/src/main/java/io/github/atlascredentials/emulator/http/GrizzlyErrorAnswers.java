package io.github.atlascredentials.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/** Writes an {@link ApiProblem} on the Grizzly level, where JAX-RS and its filters do not run. */
final class GrizzlyErrorAnswers {
    static final String SERVICE_VERSION = "X-MongoDB-Service-Version";
    static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";
    static final String HSTS_VALUE = "max-age=300";
    private static final String JSON = "application/json";

    private GrizzlyErrorAnswers() {}

    /** On a Grizzly server response that is not committed yet. */
    static void write(Response response, ApiProblem problem, String serviceVersion) throws IOException {
        byte[] body = problem.bodyBytes();
        response.reset();
        response.setStatus(problem.status(), ApiProblem.reason(problem.status()));
        problem.headers().forEach(response::setHeader);
        response.setHeader(SERVICE_VERSION, serviceVersion);
        response.setHeader(STRICT_TRANSPORT_SECURITY, HSTS_VALUE);
        response.setContentType(JSON);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /** On the codec's response packet, as the last content of a connection that is then closed. */
    static HttpContent packet(HttpResponsePacket response, ApiProblem problem, String serviceVersion) {
        byte[] body = problem.bodyBytes();
        response.setStatus(problem.status());
        response.setReasonPhrase(ApiProblem.reason(problem.status()));
        problem.headers().forEach(response::setHeader);
        response.setHeader(SERVICE_VERSION, serviceVersion);
        response.setHeader(STRICT_TRANSPORT_SECURITY, HSTS_VALUE);
        response.setContentType(JSON);
        response.setContentLength(body.length);
        return HttpContent.builder(response)
                .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                .last(true)
                .build();
    }
}
