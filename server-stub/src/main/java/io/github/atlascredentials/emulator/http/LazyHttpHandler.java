package io.github.atlascredentials.emulator.http;

import java.util.function.Supplier;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * A handler built and started on its first request, not at the server's start: the test-support paths run on
 * JAX-RS, whose application takes a few hundred milliseconds to build, while most runs of the emulator never call
 * them. Thread-safe.
 */
public final class LazyHttpHandler extends HttpHandler {
    private final Supplier<HttpHandler> factory;
    private HttpHandler built;
    private boolean destroyed;

    public LazyHttpHandler(String name, Supplier<HttpHandler> factory) {
        super(name);
        this.factory = factory;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        handler().service(request, response);
    }

    private synchronized HttpHandler handler() {
        if (destroyed) {
            throw new IllegalStateException("the server is stopping");
        }
        if (built == null) {
            HttpHandler handler = factory.get();
            handler.start();
            built = handler;
        }
        return built;
    }

    @Override
    public synchronized void destroy() {
        destroyed = true;
        if (built != null) {
            built.destroy();
        }
    }
}
