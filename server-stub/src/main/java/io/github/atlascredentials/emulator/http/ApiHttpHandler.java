package io.github.atlascredentials.emulator.http;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.jersey.uri.UriComponent;

/**
 * The emulator's HTTP entry: every request of the spec's paths runs through the {@link RequestPipeline} on the
 * worker thread Grizzly gives it, and its finished answer is written here. Paths under {@code /_emulator}, outside
 * the spec, go to the test-support handler (JAX-RS), which exists only when test support is on.
 */
public final class ApiHttpHandler extends HttpHandler {
    private final RequestPipeline pipeline;
    private final HttpHandler testSupport;

    /** @param testSupport the handler of {@code /_emulator} paths, or null when test support is off */
    public ApiHttpHandler(RequestPipeline pipeline, HttpHandler testSupport) {
        super("atlas-emulator");
        this.pipeline = pipeline;
        this.testSupport = testSupport;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (testSupport != null && isTestSupportPath(request.getRequestURI())) {
            testSupport.service(request, response);
            return;
        }
        write(pipeline.answer(new GrizzlyRequestHead(request)), response);
    }

    @Override
    public void start() {
        if (testSupport != null) {
            testSupport.start();
        }
    }

    @Override
    public void destroy() {
        if (testSupport != null) {
            testSupport.destroy();
        }
    }

    /**
     * Whether the first segment of the decoded path, without matrix parameters and in lower case, starts with
     * {@code _emulator}: the paths the test-support guard answers for, a superset of what routes there.
     */
    static boolean isTestSupportPath(String rawPath) {
        if (rawPath.startsWith("/api/")) {
            return false; // every path of the spec: no segment to decode
        }
        int start = rawPath.startsWith("/") ? 1 : 0;
        while (start < rawPath.length() && rawPath.charAt(start) == '/') {
            start++;
        }
        int end = rawPath.indexOf('/', start);
        String segment = rawPath.substring(start, end < 0 ? rawPath.length() : end);
        if (segment.indexOf('%') >= 0) {
            try {
                segment = UriComponent.decode(segment, UriComponent.Type.PATH_SEGMENT);
            } catch (RuntimeException e) { // Jersey's decoder throws more than IllegalArgumentException
                return false; // no legal path: the pipeline answers it
            }
        }
        return segment.toLowerCase(Locale.ROOT).startsWith("_emulator");
    }

    private static void write(ResponseFinisher.Finished answer, Response response) throws IOException {
        response.setStatus(answer.status(), ApiProblem.reason(answer.status()));
        for (Map.Entry<String, List<String>> header : answer.headers().entrySet()) {
            for (String value : header.getValue()) {
                response.addHeader(header.getKey(), value);
            }
        }
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        byte[] body = answer.body();
        if (body == null) {
            if (answer.status() != 204) {
                response.setContentLength(0);
            }
            return;
        }
        response.setContentLength(body.length);
        // Handed over as it is: no copy into a response buffer allocated for each answer.
        response.getOutputBuffer().writeBuffer(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body));
    }
}
