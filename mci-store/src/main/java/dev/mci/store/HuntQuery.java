package dev.mci.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A canned hunt.
 *
 * @param kind what to look for
 * @param value the indicator
 * @param since only events at or after this instant; null for no bound
 * @param until only events before this instant; null for no bound
 * @param limit most rows returned, newest first; 0 for all
 */
public record HuntQuery(HuntKind kind, String value, Instant since, Instant until, int limit) {

  /** Checks the kind and value are present and the limit is not negative. */
  public HuntQuery {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("the " + kind.name().toLowerCase() + " to hunt is blank");
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
  }
}
