package io.github.atlascredentials.client.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.atlascredentials.client.AtlasValidationException;
import io.github.atlascredentials.client.FieldError;
import io.github.atlascredentials.spec.rules.ApiRules;
import io.github.atlascredentials.spec.rules.OperationRule;
import io.github.atlascredentials.spec.rules.ParameterRule;
import io.github.atlascredentials.spec.rules.RequestChecks;
import io.github.atlascredentials.spec.rules.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks arguments against the spec before anything is sent, with the spec's own rule table (the
 * same checks the emulator runs on receipt): path parameter patterns, and every rule of the body as it
 * would be sent. Thread-safe.
 */
public final class RequestValidator {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final ApiRules rules;
    /** The operation of each operationId and its parameters by name, looked up once instead of on every call. */
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();

    private record Operation(OperationRule rule, Map<String, ParameterRule> parameters) {
        static Operation of(OperationRule rule) {
            Map<String, ParameterRule> byName = new HashMap<>();
            for (ParameterRule p : rule.parameters()) {
                byName.putIfAbsent(p.name(), p);
            }
            return new Operation(rule, Map.copyOf(byName));
        }

        ParameterRule parameter(String name) {
            ParameterRule parameter = parameters.get(name);
            if (parameter == null) {
                throw new IllegalStateException(rule.operationId() + " has no parameter " + name);
            }
            return parameter;
        }
    }

    public RequestValidator(ApiRules rules) {
        this.rules = rules;
    }

    /** Starts the checks of one call of the operation. */
    public Checks checks(String operationId) {
        return new Checks(operations.computeIfAbsent(operationId, id -> Operation.of(rules.requireOperation(id))));
    }

    /** The violations found for one call; {@link #throwIfAny()} ends it. */
    public static final class Checks {
        private final Operation op;
        private final OperationRule operation;
        private List<FieldError> violations = List.of();

        private Checks(Operation op) {
            this.op = op;
            this.operation = op.rule();
        }

        private void add(FieldError error) {
            if (violations.isEmpty()) {
                violations = new ArrayList<>();
            }
            violations.add(error);
        }

        public Checks pathParameter(String name, String value) {
            ParameterRule parameter = op.parameter(name);
            if (value == null) {
                add(new FieldError(name, "must not be null"));
            } else {
                RequestChecks.parameter(parameter, value).ifPresent(rule -> add(new FieldError(name, rule)));
            }
            return this;
        }

        /** A query parameter as it will be sent; null means absent (the spec's default applies). */
        public Checks queryParameter(String name, Object value) {
            ParameterRule parameter = op.parameter(name);
            if (value != null) {
                RequestChecks.parameter(parameter, String.valueOf(value))
                        .ifPresent(rule -> add(new FieldError(name, rule)));
            }
            return this;
        }

        /** The body as the generated client will serialize it. */
        public Checks body(Object model) {
            JsonNode json = MAPPER.valueToTree(model);
            for (Violation v : RequestChecks.body(operation.requestBody(), json)) {
                add(new FieldError(v.field(), v.rule()));
            }
            return this;
        }

        public void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new AtlasValidationException(operation.operationId(), violations);
            }
        }
    }
}
