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
import java.util.List;

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

  public RequestValidator(ApiRules rules) {
    this.rules = rules;
  }

  /** Starts the checks of one call of the operation. */
  public Checks checks(String operationId) {
    return new Checks(rules.requireOperation(operationId));
  }

  /** The violations found for one call; {@link #throwIfAny()} ends it. */
  public static final class Checks {
    private final OperationRule operation;
    private final List<FieldError> violations = new ArrayList<>();

    private Checks(OperationRule operation) {
      this.operation = operation;
    }

    public Checks pathParameter(String name, String value) {
      ParameterRule parameter = operation.parameter(name)
          .orElseThrow(() -> new IllegalStateException(operation.operationId() + " has no parameter " + name));
      if (value == null) {
        violations.add(new FieldError(name, "must not be null"));
      } else {
        RequestChecks.parameter(parameter, value).ifPresent(rule -> violations.add(new FieldError(name, rule)));
      }
      return this;
    }

    /** A query parameter as it will be sent; null means absent (the spec's default applies). */
    public Checks queryParameter(String name, Object value) {
      ParameterRule parameter = operation.parameter(name)
          .orElseThrow(() -> new IllegalStateException(operation.operationId() + " has no parameter " + name));
      if (value != null) {
        RequestChecks.parameter(parameter, String.valueOf(value)).ifPresent(rule -> violations.add(new FieldError(name, rule)));
      }
      return this;
    }

    /** The body as the generated client will serialize it. */
    public Checks body(Object model) {
      JsonNode json = MAPPER.valueToTree(model);
      for (Violation v : RequestChecks.body(operation.requestBody(), json)) {
        violations.add(new FieldError(v.field(), v.rule()));
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
