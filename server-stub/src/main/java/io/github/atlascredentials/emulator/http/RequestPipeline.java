package io.github.atlascredentials.emulator.http;

import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.spec.rules.OperationRule;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.uri.UriComponent;

/**
 * The one path of API requests: the route table gives the operation (or 404, 405), each {@link RequestStep} runs in
 * its fixed order, the operation's resource method is called with what the steps established
 * ({@link ResourceMethods}), and the {@link ResponseFinisher} makes its answer. The order of the steps is the order
 * of precedence of the answers. Nothing here or in the steps rewrites the request: what a step learns goes to the
 * {@link ApiRequest}. It depends on no server: {@link ApiHttpHandler} runs it under Grizzly. Immutable and
 * thread-safe.
 */
public final class RequestPipeline {
    private static final Logger LOG = Logger.getLogger(RequestPipeline.class.getName());

    private final RouteTable routes;
    private final List<RequestStep> steps;
    private final ResourceMethods resources;
    private final ResponseFinisher finisher;

    public RequestPipeline(
            RouteTable routes, List<RequestStep> steps, ResourceMethods resources, ResponseFinisher finisher) {
        this.routes = routes;
        this.steps = List.copyOf(steps);
        this.resources = resources;
        this.finisher = finisher;
    }

    /** The finished answer to a request of the spec's paths (or of none: 404). Never throws. */
    public ResponseFinisher.Finished answer(RequestHead head) {
        ApiRequest request = null;
        Response response;
        try {
            request = route(head);
            for (RequestStep step : steps) {
                step.apply(request);
            }
            response = resources.invoke(request);
        } catch (ApiProblem problem) {
            response = problem.toResponse();
        } catch (RuntimeException e) {
            // The class only: messages could carry request data.
            LOG.log(Level.WARNING, "unexpected failure: {0}", e.getClass().getName());
            response = ApiProblem.of(ErrorCode.UNEXPECTED_ERROR).toResponse();
        }
        try {
            return finisher.finish(request, response, query(request, head));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unexpected failure: {0}", e.getClass().getName());
            return finisher.finish(
                    null, ApiProblem.of(ErrorCode.UNEXPECTED_ERROR).toResponse(), null);
        }
    }

    private ApiRequest route(RequestHead head) {
        ApiProblem illegal = IllegalRequestTargets.problemIfIllegal(routes, head);
        if (illegal != null) {
            throw illegal;
        }
        RouteTable.Match match = routes.resolve(head.method(), head.rawPath());
        OperationRule operation = match.route().operation(head.method());
        if (operation == null) {
            throw Answers.notFound(head.rawPath()); // a test-support path, which the test-support handler serves
        }
        return ApiRequest.begin(head, match, operation);
    }

    private static MultivaluedMap<String, String> query(ApiRequest request, RequestHead head) {
        if (request != null) {
            return request.query();
        }
        try {
            return head.rawQuery() == null ? null : UriComponent.decodeQuery(head.rawQuery(), true);
        } catch (RuntimeException e) {
            return null; // an illegal query: its answer says so, uninfluenced by what it asked
        }
    }
}
