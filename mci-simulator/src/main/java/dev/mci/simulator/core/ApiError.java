package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code fail[].errors[]}.
 *
 * @param code machine code, e.g. {@code err_validation_blank}
 * @param message human text
 * @param retryable whether retrying may help
 * @param field the offending request field, on validation errors
 */
public record ApiError(String code, String message, boolean retryable, Optional<String> field) {

  /** Checks that nothing is null. */
  public ApiError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(field, "field");
  }

  /** A non-retryable error without a field. */
  public static ApiError of(String code, String message) {
    return new ApiError(code, message, false, Optional.empty());
  }

  /** A non-retryable validation error naming the request field. */
  public static ApiError onField(String code, String message, String field) {
    return new ApiError(code, message, false, Optional.of(field));
  }

  /** The wire form: {@code field} (when set), {@code code}, {@code message}, {@code retryable}. */
  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    field.ifPresent(f -> node.put("field", f));
    node.put("code", code);
    node.put("message", message);
    node.put("retryable", retryable);
    return node;
  }
}
