package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the response {@code fail[]}.
 *
 * @param key the request item that failed; absent for request-level failures such as auth
 * @param errors one or more errors
 * @param copyCodeOntoItem whether the first error's {@code code} and {@code message} are also put
 *     on the fail item itself (API 2.0 token failures, reference 00 §3.2, so that readers of either
 *     shape find the code)
 */
public record ApiFailure(Optional<JsonNode> key, List<ApiError> errors, boolean copyCodeOntoItem) {

  /** Checks that there is at least one error. */
  public ApiFailure {
    Objects.requireNonNull(key, "key");
    errors = List.copyOf(errors);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a failure needs at least one error");
    }
  }

  /** A failure of one request item. */
  public static ApiFailure forItem(JsonNode key, List<ApiError> errors) {
    return new ApiFailure(Optional.ofNullable(key), errors, false);
  }

  /** A request-level failure without {@code key}. */
  public static ApiFailure of(ApiError error) {
    return new ApiFailure(Optional.empty(), List.of(error), false);
  }

  /** A request-level failure with code and message copied onto the item (API 2.0 token errors). */
  public static ApiFailure withCodeOnItem(ApiError error) {
    return new ApiFailure(Optional.empty(), List.of(error), true);
  }

  /** The wire form of the fail item. */
  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    if (copyCodeOntoItem) {
      node.put("code", errors.get(0).code());
      node.put("message", errors.get(0).message());
    }
    key.ifPresent(k -> node.set("key", k));
    ArrayNode array = node.putArray("errors");
    errors.forEach(e -> array.add(e.toJson()));
    return node;
  }
}
