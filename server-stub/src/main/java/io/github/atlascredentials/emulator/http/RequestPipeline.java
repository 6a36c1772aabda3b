package io.github.atlascredentials.emulator.http;

import io.github.atlascredentials.spec.rules.OperationRule;
import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriBuilder;
import org.glassfish.grizzly.http.server.Request;

import java.net.URI;
import java.util.List;

/**
 * Runs every request through the steps, in their fixed order, before JAX-RS matching: the route
 * first (404, 405), then each {@link RequestStep}. Only requests that pass reach the resource
 * methods. The order of the steps is the order of precedence of the answers.
 */
@PreMatching
@Priority(1)
public final class RequestPipeline implements ContainerRequestFilter {
    private final RouteTable routes;
    private final List<RequestStep> steps;
    @Context
    private Provider<Request> grizzlyRequest;

    public RequestPipeline(RouteTable routes, List<RequestStep> steps) {
        this.routes = routes;
        this.steps = List.copyOf(steps);
    }

    /** The request property holding the URI as sent when routing rewrote it (a path without its trailing slash). */
    public static final String SENT_REQUEST_URI = RequestPipeline.class.getName() + ".sentRequestUri";

    @Override
    public void filter(ContainerRequestContext ctx) {
        try {
            ApiRequest request = route(ctx);
            if (request != null) {
                readRepeatedContentTypeAsTheFirst(ctx);
                for (RequestStep step : steps) {
                    step.apply(request, ctx);
                }
            }
        } catch (ApiProblem problem) {
            ctx.abortWith(problem.toResponse());
        }
    }

    /**
     * A repeated {@code Content-Type} is read as its first value, by the steps and by JAX-RS alike (JAX-RS alone
     * would refuse it with an empty 400). The one header edit of the pipeline, made before any step runs.
     */
    private static void readRepeatedContentTypeAsTheFirst(ContainerRequestContext ctx) {
        List<String> contentTypes = ctx.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (contentTypes != null && contentTypes.size() > 1) {
            ctx.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, contentTypes.get(0));
        }
    }

    /** The request's route and operation; null for test-support paths, which JAX-RS serves as they are. */
    private ApiRequest route(ContainerRequestContext ctx) {
        URI requestUri = ctx.getUriInfo().getRequestUri();
        String rawPath = requestUri.getRawPath();
        RouteTable.Match match = routes.match(rawPath).orElseThrow(() -> Answers.notFound(rawPath));
        Route route = match.route();
        if (!route.methods().contains(ctx.getMethod())) {
            throw Answers.methodNotAllowed(ctx.getMethod(), rawPath, route);
        }
        if (!match.canonicalPath().equals(rawPath)) {
            // Digest signs the URI as sent: the credential step compares with that, not the rewritten one.
            ctx.setProperty(SENT_REQUEST_URI, requestUri);
            ctx.setRequestUri(ctx.getUriInfo().getBaseUri(),
                    UriBuilder.fromUri(requestUri).replacePath(match.canonicalPath()).build());
        }
        OperationRule operation = route.operation(ctx.getMethod());
        if (operation == null) {
            return null;
        }
        return ApiRequest.begin(ctx, match, operation, stripSlash(ctx.getUriInfo().getBaseUri().toString()),
                this::remoteAddress);
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
