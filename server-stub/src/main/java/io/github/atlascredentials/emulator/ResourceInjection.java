package io.github.atlascredentials.emulator;

import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Gives the API resources Jersey's request context ({@code @Context} fields) once the application starts.
 * They are not registered as JAX-RS resources: the request pipeline routes API requests and calls their
 * methods itself, so JAX-RS must not route them a second time.
 */
@Provider
final class ResourceInjection implements ContainerLifecycleListener {
    private final List<Object> resources;

    ResourceInjection(List<Object> resources) {
        this.resources = List.copyOf(resources);
    }

    @Override
    public void onStartup(Container container) {
        InjectionManager injection = container.getApplicationHandler().getInjectionManager();
        resources.forEach(injection::inject);
    }

    @Override
    public void onReload(Container container) {
        onStartup(container);
    }

    @Override
    public void onShutdown(Container container) {
        // nothing held
    }
}
