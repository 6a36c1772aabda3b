package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.http.Answers;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import io.github.atlascredentials.spec.rules.ParameterRule;
import io.github.atlascredentials.spec.rules.RequestChecks;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/** Each query parameter the operation declares, against its schema in the spec (400 {@code INVALID_QUERY_PARAMETER}). */
public final class QueryParameterStep implements RequestStep {
    @Override
    public void apply(ApiRequest request) {
        MultivaluedMap<String, String> query = request.query();
        if (query == null) {
            return; // no query at all (the usual request): nothing to parse
        }
        for (ParameterRule parameter : request.operation().parameters()) {
            if (parameter.in() != ParameterRule.Location.QUERY) {
                continue;
            }
            List<String> values = query.get(parameter.name());
            if (values == null) {
                continue;
            }
            for (String value : values) {
                RequestChecks.parameter(parameter, value).ifPresent(rule -> {
                    throw Answers.invalidQuery(request.operation(), parameter.name(), rule);
                });
            }
        }
    }
}
