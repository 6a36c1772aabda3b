package io.github.atlascredentials.emulator.http;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Wraps the Jersey container of the test-support paths. Jersey turns the Grizzly request into a URI before any filter
 * runs and throws {@link IllegalArgumentException} when the target or Host is no legal URI, which
 * Grizzly would answer with 500. Such a request gets the API's 4xx error JSON instead. Costs nothing
 * on legal requests: the target is only examined after the failure.
 */
final class RequestTargetGuard extends HttpHandler {
    private static final Logger LOG = Logger.getLogger(RequestTargetGuard.class.getName());

    private final HttpHandler jersey;
    private final RouteTable routes;
    private final String serviceVersion;

    RequestTargetGuard(HttpHandler jersey, RouteTable routes, String serviceVersion) {
        super(jersey.getName());
        this.jersey = jersey;
        this.routes = routes;
        this.serviceVersion = serviceVersion;
    }

    @Override
    public void start() {
        jersey.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        try {
            jersey.service(request, response);
        } catch (IllegalArgumentException e) {
            if (response.isCommitted()) {
                throw e;
            }
            LOG.log(Level.FINE, "request target or Host is no legal URI");
            ApiProblem problem = IllegalRequestTargets.problemFor(
                    routes,
                    request.getMethod().getMethodString(),
                    request.getRequestURI(),
                    request.getQueryString(),
                    hostValid(request));
            GrizzlyErrorAnswers.write(response, problem, serviceVersion);
        }
    }

    private static boolean hostValid(Request request) {
        return GrizzlyRequestHead.baseUri(request) != null;
    }
}
