package io.github.atlascredentials.emulator.http;

import io.github.atlascredentials.spec.rules.ApiRules;
import io.github.atlascredentials.spec.rules.OperationRule;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Every path the emulator serves, built at start-up from the spec's operations and the JAX-RS
 * annotations of the test-support resources: no path is typed twice. The one router of API requests:
 * the request pipeline matches a request here and calls the operation's resource method itself, so
 * JAX-RS never matches an API request again. A spec operation that no resource implements is still
 * routed (and answered 501), so a spec edit never turns into a silent 404. Immutable and thread-safe.
 */
public final class RouteTable {
    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * @param rules          the spec's operations
     * @param implemented    the operationIds that a resource method implements ({@link ResourceMethods#operationIds()})
     * @param testSupport    resources outside the spec, routed by their own JAX-RS annotations
     */
    public static RouteTable of(ApiRules rules, Set<String> implemented, List<Class<?>> testSupport) {
        Map<String, List<OperationRule>> byPath = new LinkedHashMap<>();
        for (OperationRule op : rules.operations()) {
            byPath.computeIfAbsent(op.path(), p -> new ArrayList<>()).add(op);
        }
        List<Route> routes = new ArrayList<>();
        byPath.forEach((path, ops) -> {
            Set<String> methods = new TreeSet<>();
            Set<String> missing = new HashSet<>();
            for (OperationRule op : ops) {
                methods.add(op.method());
                if (!implemented.contains(op.operationId())) {
                    missing.add(op.operationId());
                }
            }
            routes.add(new Route(path, ops, methods, missing));
        });
        testSupportRoutes(testSupport)
                .forEach((path, methods) -> routes.add(new Route(path, List.of(), methods, Set.of())));
        return new RouteTable(routes);
    }

    private static Map<String, Set<String>> testSupportRoutes(List<Class<?>> resources) {
        Map<String, Set<String>> byPath = new LinkedHashMap<>();
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getMethods()) {
                String method = httpMethod(m);
                if (method != null) {
                    Path sub = m.getAnnotation(Path.class);
                    String path = sub == null ? base : base + (sub.value().startsWith("/") ? "" : "/") + sub.value();
                    byPath.computeIfAbsent(path, p -> new TreeSet<>()).add(method);
                }
            }
        }
        return byPath;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** A request path matched to a route, with its decoded path parameters. */
    public record Match(Route route, Map<String, String> pathParameters) {}

    /**
     * The route of a request whose method it serves.
     *
     * @throws ApiProblem 404 when no route matches the path, 405 (with {@code Allow}) when the route lacks the method
     */
    public Match resolve(String method, String rawPath) {
        Match match = match(rawPath).orElseThrow(() -> Answers.notFound(rawPath));
        if (!match.route().methods().contains(method)) {
            throw Answers.methodNotAllowed(method, rawPath, match.route());
        }
        return match;
    }

    /** The route whose template the raw (undecoded) path matches. */
    public Optional<Match> match(String rawPath) {
        for (Route route : routes) {
            Matcher m = route.matcher(rawPath);
            if (m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                List<String> names = route.parameterNames();
                for (int i = 0; i < names.size(); i++) {
                    params.put(names.get(i), decode(m.group(i + 1)));
                }
                return Optional.of(new Match(route, params));
            }
        }
        return Optional.empty();
    }

    private static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw; // nothing to decode (ids and names as the spec's patterns allow them)
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
