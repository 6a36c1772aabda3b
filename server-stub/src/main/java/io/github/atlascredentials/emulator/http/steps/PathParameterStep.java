package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.http.Answers;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import io.github.atlascredentials.spec.rules.ErrorOverride;
import io.github.atlascredentials.spec.rules.OperationRule;
import io.github.atlascredentials.spec.rules.ParameterRule;
import io.github.atlascredentials.spec.rules.RequestChecks;
import java.util.Map;

/**
 * Each path parameter against its schema in the spec: the answer the schema's {@code x-error} names
 * (404 {@code INVALID_ORG_ID} / {@code INVALID_GROUP_ID}), else 400 {@code INVALID_PATH_PARAMETER}.
 */
public final class PathParameterStep implements RequestStep {
    @Override
    public void apply(ApiRequest request) {
        check(request.operation(), request.pathParameters());
    }

    /** Also used for request targets JAX-RS cannot represent, which must be answered in the same order. */
    public static void check(OperationRule operation, Map<String, String> values) {
        for (ParameterRule parameter : operation.parameters()) {
            if (parameter.in() != ParameterRule.Location.PATH) {
                continue; // filtered here, not with pathParameters(), which copies the list on every request
            }
            String value = values.get(parameter.name());
            if (value != null) {
                RequestChecks.parameter(parameter, value).ifPresent(rule -> {
                    ErrorOverride override = parameter.schema().error();
                    if (override != null) {
                        throw ApiProblem.ofOverride(override, parameter.schema(), value);
                    }
                    throw Answers.invalidPathParameter(parameter.name(), rule);
                });
            }
        }
    }
}
