package dev.mci.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.client.ApiError;
import dev.mci.client.InvalidResponseException;
import dev.mci.client.MimecastTime;
import java.time.Instant;
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
   * The date in {@code node.field}, or null when absent or blank.
   *
   * @throws InvalidResponseException naming this call when the value is not a Mimecast date
   */
  public Instant date(JsonNode node, String field) {
    String text = Json.text(node, field);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return MimecastTime.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException(
          endpoint, requestId, field + " is not a date: " + e.getMessage(), e);
    }
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
