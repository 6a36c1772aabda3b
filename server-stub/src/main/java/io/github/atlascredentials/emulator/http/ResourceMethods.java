package io.github.atlascredentials.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resource methods of the spec's operations: the methods of the generated interfaces that the resources
 * implement, each named after its operation's {@code operationId}. The request pipeline, which has routed the
 * request and run the steps, calls the operation's method here with its parameters bound from what the steps
 * established (path parameters of the route, query, form fields, the validated JSON body): JAX-RS does not
 * route API requests a second time. A new operation of the spec needs its method on a resource, no code here.
 * Immutable and thread-safe.
 */
public final class ResourceMethods {
    private final Map<String, Bound> byOperationId;

    private ResourceMethods(Map<String, Bound> byOperationId) {
        this.byOperationId = Map.copyOf(byOperationId);
    }

    /** @param resources objects implementing generated API interfaces */
    public static ResourceMethods of(List<Object> resources) {
        Map<String, Bound> methods = new HashMap<>();
        for (Object resource : resources) {
            for (Class<?> api : resource.getClass().getInterfaces()) {
                for (Method method : api.getMethods()) {
                    if (httpMethod(method) && methods.put(method.getName(), bind(resource, method)) != null) {
                        throw new IllegalArgumentException("two resource methods for operation " + method.getName());
                    }
                }
            }
        }
        return new ResourceMethods(methods);
    }

    /** The operations a resource implements; the spec's others are answered 501. */
    public Set<String> operationIds() {
        return byOperationId.keySet();
    }

    /** Calls the request's operation; what it throws (an {@link ApiProblem} say) is thrown as is. */
    public Response invoke(ApiRequest request) {
        Bound bound = byOperationId.get(request.operation().operationId());
        if (bound == null) {
            throw ApiProblem.of(ErrorCode.NOT_IMPLEMENTED, request.operation().operationId());
        }
        MultivaluedMap<String, String> query = request.query();
        Object[] arguments = new Object[bound.arguments().size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = bound.arguments().get(i).value(request, query);
        }
        return request.serve(() -> call(bound, arguments));
    }

    private static Response call(Bound bound, Object[] arguments) {
        try {
            return (Response) bound.method().invoke(bound.target(), arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("resource method " + bound.method().getName() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("resource method " + bound.method().getName() + " is not accessible", e);
        }
    }

    private record Bound(Object target, Method method, List<Argument> arguments) {}

    /** One parameter of a resource method, read from the request. */
    private interface Argument {
        Object value(ApiRequest request, MultivaluedMap<String, String> query);
    }

    private static boolean httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static Bound bind(Object resource, Method method) {
        List<Argument> arguments = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            arguments.add(argument(method, parameter));
        }
        return new Bound(resource, method, List.copyOf(arguments));
    }

    private static Argument argument(Method method, Parameter parameter) {
        Class<?> type = parameter.getType();
        PathParam path = parameter.getAnnotation(PathParam.class);
        if (path != null) {
            String name = path.value();
            return (request, query) ->
                    convert(request, name, request.pathParameters().get(name), type);
        }
        QueryParam queryParam = parameter.getAnnotation(QueryParam.class);
        if (queryParam != null) {
            String name = queryParam.value();
            DefaultValue fallback = parameter.getAnnotation(DefaultValue.class);
            String defaultValue = fallback == null ? null : fallback.value();
            return (request, query) -> {
                String value = query == null ? null : query.getFirst(name);
                return convert(request, name, value == null ? defaultValue : value, type);
            };
        }
        FormParam form = parameter.getAnnotation(FormParam.class);
        if (form != null) {
            String name = form.value();
            return (request, query) -> {
                List<String> values = request.form().get(name);
                return convert(request, name, values == null || values.isEmpty() ? null : values.get(0), type);
            };
        }
        for (Annotation a : parameter.getAnnotations()) {
            if (a.annotationType().getPackageName().equals(PathParam.class.getPackageName())) {
                throw new IllegalArgumentException("resource method " + method.getName() + ": @"
                        + a.annotationType().getSimpleName() + " parameters are not bound by the emulator");
            }
        }
        // No JAX-RS annotation: the request body, from the tree the body step parsed and validated.
        ObjectReader reader = Json.MAPPER.readerFor(Json.MAPPER.constructType(parameter.getParameterizedType()));
        return (request, query) -> body(reader, request.json());
    }

    private static Object body(ObjectReader reader, JsonNode json) {
        if (json == null) {
            return null;
        }
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            throw ApiProblem.of(ErrorCode.MALFORMED_JSON);
        }
    }

    /** A path, query or form value as the parameter's type; the steps have checked it against the spec. */
    private static Object convert(ApiRequest request, String name, String value, Class<?> type) {
        if (value == null || type == String.class) {
            return value;
        }
        try {
            if (type == Boolean.class || type == boolean.class) {
                return Boolean.valueOf(value);
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(value.trim());
            }
            if (type == Long.class || type == long.class) {
                return Long.valueOf(value.trim());
            }
            return Json.MAPPER.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw Answers.invalidQuery(request.operation(), name, "is not a valid " + type.getSimpleName());
        }
    }
}
