package io.github.atlascredentials.client.internal;

import io.github.atlascredentials.client.AtlasValidationException;
import io.github.atlascredentials.client.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks arguments against the spec before anything is sent: body constraints through Hibernate
 * Validator on the generated models (which carry the spec's bean-validation annotations), path
 * parameter patterns explicitly (the generated API ignores them). Thread-safe.
 */
public final class RequestValidator {
  /** {@code components.parameters.orgId/groupId} pattern of the spec. */
  public static final Pattern HEX_ID = Pattern.compile("^([a-f0-9]{24})$");
  /** {@code components.parameters.clientId} pattern of the spec. */
  public static final Pattern CLIENT_ID = Pattern.compile("^mdb_sa_id_[a-fA-F\\d]{24}$");

  /**
   * Hibernate Validator logs its version at INFO on start-up (through java.util.logging when the
   * application has no other backend): not a message for the users of a client. Held so the level sticks.
   */
  private static final java.util.logging.Logger HV_BANNER = quiet("org.hibernate.validator.internal.util.Version");
  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }
  private final Validator validator = FACTORY.getValidator();

  /** Starts the checks of one call. */
  public Checks checks(String operation) {
    return new Checks(operation);
  }

  /** The violations found for one call; {@link #throwIfAny()} ends it. */
  public final class Checks {
    private final String operation;
    private final List<FieldError> violations = new ArrayList<>();

    private Checks(String operation) {
      this.operation = operation;
    }

    public Checks pathParameter(String name, String value, Pattern pattern) {
      if (value == null) {
        violations.add(new FieldError(name, "must not be null"));
      } else if (!pattern.matcher(value).matches()) {
        violations.add(new FieldError(name, "must match " + pattern.pattern()));
      }
      return this;
    }

    public Checks range(String name, int value, int min, int max) {
      if (value < min || value > max) {
        violations.add(new FieldError(name, "must be between " + min + " and " + max));
      }
      return this;
    }

    public Checks body(Object model) {
      List<ConstraintViolation<Object>> found = new ArrayList<>(validator.validate(model));
      found.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
      for (ConstraintViolation<Object> v : found) {
        violations.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
      }
      return this;
    }

    public void throwIfAny() {
      if (!violations.isEmpty()) {
        throw new AtlasValidationException(operation, violations);
      }
    }
  }
}
