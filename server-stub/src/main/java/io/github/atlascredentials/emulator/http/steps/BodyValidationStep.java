package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.JsonBodies;
import io.github.atlascredentials.emulator.http.RequestStep;
import io.github.atlascredentials.spec.rules.ErrorOverride;
import io.github.atlascredentials.spec.rules.RequestChecks;
import io.github.atlascredentials.spec.rules.Violation;
import java.util.List;
import java.util.Map;

/**
 * The JSON body against the operation's schema in the spec, answered in the spec's order of
 * precedence: {@code MALFORMED_JSON}, {@code INVALID_JSON} (not an object), {@code INVALID_ATTRIBUTE}
 * (unknown field), {@code MISSING_ATTRIBUTE}, {@code INVALID_JSON_ATTRIBUTE} (wrong type), then the broken rule
 * ({@code VALIDATION_ERROR}, or the errorCode the schema's {@code x-error} names). The parsed tree is
 * kept, so binding the resource's typed body does not parse it again.
 */
public final class BodyValidationStep implements RequestStep {
    @Override
    public void apply(ApiRequest request) {
        var schema = request.operation().requestBody();
        if (schema == null || request.operation().requestContentTypes().contains(FormStep.FORM)) {
            return;
        }
        var tree = JsonBodies.parse(request.body());
        RequestChecks.firstOf(schema, tree).ifPresent(v -> {
            throw answer(v);
        });
        request.json(tree);
    }

    static ApiProblem answer(Violation v) {
        ErrorOverride override = v.override();
        if (override != null && (v.kind() == Violation.Kind.RULE)) {
            return ApiProblem.ofOverride(override, v.schema(), v.value());
        }
        return switch (v.kind()) {
            case MALFORMED_JSON -> ApiProblem.of(ErrorCode.MALFORMED_JSON);
            case NOT_AN_OBJECT -> ApiProblem.of(ErrorCode.INVALID_JSON);
            case UNKNOWN_FIELD -> ApiProblem.of(ErrorCode.INVALID_ATTRIBUTE, v.field());
            case MISSING_FIELD -> ApiProblem.of(ErrorCode.MISSING_ATTRIBUTE, v.field());
            case WRONG_TYPE -> ApiProblem.of(ErrorCode.INVALID_JSON_ATTRIBUTE, v.field());
            case RULE -> ApiProblem.validation(List.of(Map.entry(v.field(), v.rule())));
        };
    }
}
