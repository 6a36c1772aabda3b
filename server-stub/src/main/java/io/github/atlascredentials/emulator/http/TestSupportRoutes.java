package io.github.atlascredentials.emulator.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Answers the test-support paths' 404 and 405 from the route table, after the test-support guard and before JAX-RS
 * matching, with the same answers as the spec's paths get.
 */
@PreMatching
@Priority(1)
public final class TestSupportRoutes implements ContainerRequestFilter {
    private final RouteTable routes;

    public TestSupportRoutes(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        routes.resolve(ctx.getMethod(), ctx.getUriInfo().getRequestUri().getRawPath());
    }
}
