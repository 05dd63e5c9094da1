package dev.mci.client.incidents;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A find-incidents query. Without a start the client asks for the last year, the documented
 * retention of incident records.
 *
 * @param start earliest creation time, at most a year back
 * @param end latest creation time
 * @param types only these types: {@code manual}, {@code automatic}, {@code notify_only}, {@code
 *     restored}; empty for all
 * @param pageSize rows per call, 1 to 500 (default 500)
 */
public record IncidentQuery(Instant start, Instant end, Set<String> types, int pageSize) {

  /** Copies the types into a sorted set; null becomes empty. */
  public IncidentQuery {
    types = types == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(types));
  }

  /** A builder for the last year, all types, pages of 500. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link IncidentQuery}. */
  public static final class Builder {
    private Instant start;
    private Instant end;
    private Set<String> types = Set.of();
    private int pageSize = 500;

    private Builder() {}

    /** Earliest creation time. */
    public Builder start(Instant value) {
      this.start = value;
      return this;
    }

    /** Latest creation time. */
    public Builder end(Instant value) {
      this.end = value;
      return this;
    }

    /** Type filter. */
    public Builder types(Set<String> values) {
      this.types = values;
      return this;
    }

    /** Rows per call, 1 to 500. */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /** The query (checked when it is used). */
    public IncidentQuery build() {
      return new IncidentQuery(start, end, types, pageSize);
    }
  }
}
