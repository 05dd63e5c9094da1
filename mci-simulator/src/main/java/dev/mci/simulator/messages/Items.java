package dev.mci.simulator.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.ApiError;
import dev.mci.simulator.core.ErrorCodes;
import dev.mci.simulator.core.ItemFailure;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.tenant.ContentForm;
import java.util.List;
import java.util.Optional;

/** Reading request items the way every messages endpoint does (reference 01 §0.2, §0.6). */
final class Items {

  private Items() {}

  /** A required text field: {@code err_validation_null} when absent, blank when empty. */
  static String required(ObjectNode item, String field, List<ApiError> errors) {
    Optional<JsonNode> raw = Json.field(item, field);
    if (raw.isEmpty()) {
      errors.add(ApiError.onField(ErrorCodes.VALIDATION_NULL, "This field is required", field));
      return "";
    }
    String value = Json.text(item, field).map(String::strip).orElse("");
    if (value.isEmpty()) {
      errors.add(blank(field));
    }
    return value;
  }

  /** An optional text field; blank counts as absent. */
  static Optional<String> optional(ObjectNode item, String field) {
    return Json.text(item, field).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** {@code context}: DELIVERED when absent (when {@code required} is false). */
  static Optional<ContentForm> context(ObjectNode item, boolean required, List<ApiError> errors) {
    Optional<String> value = optional(item, "context");
    if (value.isEmpty()) {
      if (required) {
        errors.add(
            ApiError.onField(ErrorCodes.VALIDATION_NULL, "This field is required", "context"));
        return Optional.empty();
      }
      return Optional.of(ContentForm.DELIVERED);
    }
    Optional<ContentForm> form = ContentForm.fromWire(value.get());
    if (form.isEmpty()) {
      errors.add(
          ApiError.onField(
              ErrorCodes.VALIDATION_VALUE_NOT_ALLOWED,
              "Field must be one of [DELIVERED,RECEIVED]",
              "context"));
    }
    return form;
  }

  static ApiError blank(String field) {
    return ApiError.onField(
        ErrorCodes.VALIDATION_BLANK, "This field, if present, cannot be blank or empty", field);
  }

  /** The reference's answer to an id that does not decode or names nothing (01 §0.7 rule 2). */
  static ItemFailure invalidId() {
    return new ItemFailure(ApiError.of(ErrorCodes.INVALID_TOKEN, "0007 Invalid token"));
  }

  /** Throws the collected validation errors, if any. */
  static void check(List<ApiError> errors) {
    if (!errors.isEmpty()) {
      throw new ItemFailure(errors);
    }
  }
}
