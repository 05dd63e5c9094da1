package dev.mci.client.logs;

import java.time.Instant;

/**
 * A hold queue query, always for every recipient ({@code admin: true}). Unset values are null: no
 * time window on {@code dateReceived}, no filters.
 *
 * @param start earliest receive time
 * @param end latest receive time
 * @param searchField {@code all}, {@code subject}, {@code sender}, {@code recipient}, {@code
 *     reasonCode} or {@code senderIP}
 * @param searchValue the value to search for
 * @param route {@code inbound}, {@code outbound}, {@code internal}, {@code external} or {@code all}
 * @param heldGroup {@code administrator}, {@code moderator} or {@code user}
 * @param pageSize rows per call, 1 to 500 (default 500)
 */
public record HeldMessageQuery(
    Instant start,
    Instant end,
    String searchField,
    String searchValue,
    String route,
    String heldGroup,
    int pageSize) {

  /** A builder with no filters and pages of 500. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link HeldMessageQuery}. */
  public static final class Builder {
    private Instant start;
    private Instant end;
    private String searchField;
    private String searchValue;
    private String route;
    private String heldGroup;
    private int pageSize = Checks.MAX_PAGE_SIZE;

    private Builder() {}

    /** Earliest receive time. */
    public Builder start(Instant value) {
      this.start = value;
      return this;
    }

    /** Latest receive time. */
    public Builder end(Instant value) {
      this.end = value;
      return this;
    }

    /** Searches {@code value} in one field ({@code sender}, ...) or {@code all}. */
    public Builder search(String field, String value) {
      this.searchField = field;
      this.searchValue = value;
      return this;
    }

    /** Route filter. */
    public Builder route(String value) {
      this.route = value;
      return this;
    }

    /** Held-group filter. */
    public Builder heldGroup(String value) {
      this.heldGroup = value;
      return this;
    }

    /** Rows per call, 1 to 500. */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /** The query (checked when it is used). */
    public HeldMessageQuery build() {
      return new HeldMessageQuery(start, end, searchField, searchValue, route, heldGroup, pageSize);
    }
  }
}
