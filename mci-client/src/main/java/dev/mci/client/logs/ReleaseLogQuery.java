package dev.mci.client.logs;

import java.time.Instant;

/**
 * A message release log query. Unset values are null and leave the server's default: {@code start}
 * one month ago, {@code end} now, no filters.
 *
 * @param start earliest release or rejection
 * @param end latest release or rejection
 * @param searchField {@code all}, {@code operator}, {@code from}, {@code to}, {@code subject},
 *     {@code info} or {@code heldReason}
 * @param searchValue text to search for in {@code searchField}
 * @param route {@code inbound}, {@code outbound}, {@code internal} or {@code all}
 * @param status {@code released} or {@code rejected}
 * @param attachments only messages with ({@code true}) or without ({@code false}) attachments
 * @param pageSize rows per call, 1 to 500 (default 500)
 */
public record ReleaseLogQuery(
    Instant start,
    Instant end,
    String searchField,
    String searchValue,
    String route,
    String status,
    Boolean attachments,
    int pageSize) {

  /** A builder with no filters and pages of 500. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReleaseLogQuery}. */
  public static final class Builder {
    private Instant start;
    private Instant end;
    private String searchField;
    private String searchValue;
    private String route;
    private String status;
    private Boolean attachments;
    private int pageSize = Checks.MAX_PAGE_SIZE;

    private Builder() {}

    /** Earliest release or rejection. */
    public Builder start(Instant value) {
      this.start = value;
      return this;
    }

    /** Latest release or rejection. */
    public Builder end(Instant value) {
      this.end = value;
      return this;
    }

    /** Searches {@code value} in one field ({@code operator}, ...) or {@code all}. */
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

    /** {@code released} or {@code rejected}. */
    public Builder status(String value) {
      this.status = value;
      return this;
    }

    /** Attachment filter; null for both. */
    public Builder attachments(Boolean value) {
      this.attachments = value;
      return this;
    }

    /** Rows per call, 1 to 500. */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /** The query (checked when it is used). */
    public ReleaseLogQuery build() {
      return new ReleaseLogQuery(
          start, end, searchField, searchValue, route, status, attachments, pageSize);
    }
  }
}
