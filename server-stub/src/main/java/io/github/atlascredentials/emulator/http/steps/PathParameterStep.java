package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.http.Answers;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import io.github.atlascredentials.spec.rules.OperationRule;
import io.github.atlascredentials.spec.rules.ParameterRule;
import io.github.atlascredentials.spec.rules.RequestChecks;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.Map;

/** Each path parameter against its schema in the spec (400 {@code INVALID_PATH_PARAMETER}). */
public final class PathParameterStep implements RequestStep {
    @Override
    public void apply(ApiRequest request, ContainerRequestContext ctx) {
        check(request.operation(), request.pathParameters());
    }

    /** Also used for request targets JAX-RS cannot represent, which must be answered in the same order. */
    public static void check(OperationRule operation, Map<String, String> values) {
        for (ParameterRule parameter : operation.pathParameters()) {
            String value = values.get(parameter.name());
            if (value != null) {
                RequestChecks.parameter(parameter, value).ifPresent(rule -> {
                    throw Answers.invalidPathParameter(parameter.name(), rule);
                });
            }
        }
    }
}
