package io.github.atlascredentials.client.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The spec's (JSON Schema's) {@code minLength}/{@code maxLength} count code points; Bean
 * Validation's {@code @Size} on a String counts UTF-16 chars, so 200 emoji (400 chars) would be
 * refused under a 250 limit. Recounts a {@code @Size} violation on a string in code points.
 */
final class CodePointLengths {
  private CodePointLengths() {
  }

  /** True when the violation is a string {@code @Size} that the value meets once counted in code points. */
  static boolean withinBoundsInCodePoints(ConstraintViolation<?> violation) {
    if (!(violation.getInvalidValue() instanceof String text)
        || !(violation.getConstraintDescriptor().getAnnotation() instanceof Size)) {
      return false;
    }
    Map<String, Object> bounds = violation.getConstraintDescriptor().getAttributes();
    int length = text.codePointCount(0, text.length());
    return length >= (Integer) bounds.get("min") && length <= (Integer) bounds.get("max");
  }
}
