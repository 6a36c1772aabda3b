package io.github.atlascredentials.emulator.http;

import io.github.atlascredentials.spec.rules.OperationRule;
import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.glassfish.grizzly.http.server.Request;

/**
 * The one routing of API requests, before JAX-RS matching: the route table gives the operation (or 404,
 * 405), each {@link RequestStep} runs in its fixed order, and the operation's resource method is called
 * with what the steps established ({@link ResourceMethods}); its answer ends the request. The order of
 * the steps is the order of precedence of the answers. Nothing here or in the steps rewrites the request's
 * headers or URI: what a step learns goes to the {@link ApiRequest}. Only test-support paths, which are
 * outside the spec, go on to JAX-RS.
 */
@PreMatching
@Priority(1)
public final class RequestPipeline implements ContainerRequestFilter {
    private final RouteTable routes;
    private final List<RequestStep> steps;
    private final ResourceMethods resources;

    @Context
    private Provider<Request> grizzlyRequest;

    public RequestPipeline(RouteTable routes, List<RequestStep> steps, ResourceMethods resources) {
        this.routes = routes;
        this.steps = List.copyOf(steps);
        this.resources = resources;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        try {
            ApiRequest request = route(ctx);
            if (request != null) {
                for (RequestStep step : steps) {
                    step.apply(request, ctx);
                }
                ctx.abortWith(resources.invoke(request, ctx));
            }
        } catch (ApiProblem problem) {
            ctx.abortWith(problem.toResponse());
        }
    }

    /** The request's route and operation; null for test-support paths, which JAX-RS serves as they are. */
    private ApiRequest route(ContainerRequestContext ctx) {
        String rawPath = ctx.getUriInfo().getRequestUri().getRawPath();
        RouteTable.Match match = routes.match(rawPath).orElseThrow(() -> Answers.notFound(rawPath));
        Route route = match.route();
        if (!route.methods().contains(ctx.getMethod())) {
            throw Answers.methodNotAllowed(ctx.getMethod(), rawPath, route);
        }
        OperationRule operation = route.operation(ctx.getMethod());
        if (operation == null) {
            return null;
        }
        return ApiRequest.begin(
                ctx, match, operation, stripSlash(ctx.getUriInfo().getBaseUri().toString()), this::remoteAddress);
    }

    private String remoteAddress() {
        try {
            return grizzlyRequest == null ? null : grizzlyRequest.get().getRemoteAddr();
        } catch (RuntimeException e) {
            return null; // not running on Grizzly
        }
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
