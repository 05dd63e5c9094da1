package dev.mci.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.client.ApiError;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A decoded {@code /api/...} response body.
 *
 * @param endpoint the API path
 * @param requestId the {@code x-mc-req-id} of the call
 * @param data the {@code data[]} items
 * @param failures the {@code fail[]} items (only non-empty under {@link FailurePolicy#PER_ITEM})
 * @param next {@code meta.pagination.next}, empty when absent or blank
 * @param totalCount {@code meta.pagination.totalCount}
 */
public record Envelope(
    String endpoint,
    String requestId,
    List<JsonNode> data,
    List<FailItem> failures,
    Optional<String> next,
    OptionalLong totalCount) {

  /** Copies the lists. */
  public Envelope {
    data = List.copyOf(data);
    failures = List.copyOf(failures);
  }

  /** {@code data[0]}, or empty when {@code data} is empty. */
  public Optional<JsonNode> first() {
    return data.isEmpty() ? Optional.empty() : Optional.of(data.get(0));
  }

  /**
   * One {@code fail[]} item.
   *
   * @param key the request item it refers to, absent for request-level failures
   * @param errors its errors
   */
  public record FailItem(Optional<JsonNode> key, List<ApiError> errors) {
    /** Copies the list. */
    public FailItem {
      errors = List.copyOf(errors);
    }
  }
}
