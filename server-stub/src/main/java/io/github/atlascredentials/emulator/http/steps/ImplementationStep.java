package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.http.ApiProblem;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;

/**
 * Last: an operation of the spec that no resource implements yet (a spec edit ahead of the emulator)
 * answers 501 once everything the spec says about the request has been checked, never a bare 404.
 */
public final class ImplementationStep implements RequestStep {
    @Override
    public void apply(ApiRequest request) {
        if (request.match().route().unimplemented(request.operation())) {
            throw ApiProblem.of(ErrorCode.NOT_IMPLEMENTED, request.operation().operationId());
        }
    }
}
