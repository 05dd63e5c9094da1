package dev.mci.client.logs;

import java.time.Instant;

/**
 * A rejection log query. Rejection logs keep only the last 7 days. Unset values are null: {@code
 * start} the start of the current day (UTC), {@code end} now, every recipient (the client asks as
 * administrator unless {@code mailbox} is set).
 *
 * @param start earliest rejection, at most 7 days back
 * @param end latest rejection
 * @param mailbox only this recipient's rejections
 * @param searchField {@code all}, {@code from}, {@code to}, {@code type}, {@code info} or {@code
 *     remoteIp}
 * @param searchValue the value to search for
 * @param pageSize rows per call, 1 to 500 (default 500)
 */
public record RejectionLogQuery(
    Instant start,
    Instant end,
    String mailbox,
    String searchField,
    String searchValue,
    int pageSize) {

  /** A builder with no filters and pages of 500. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RejectionLogQuery}. */
  public static final class Builder {
    private Instant start;
    private Instant end;
    private String mailbox;
    private String searchField;
    private String searchValue;
    private int pageSize = Checks.MAX_PAGE_SIZE;

    private Builder() {}

    /** Earliest rejection, at most 7 days back. */
    public Builder start(Instant value) {
      this.start = value;
      return this;
    }

    /** Latest rejection. */
    public Builder end(Instant value) {
      this.end = value;
      return this;
    }

    /** Only this recipient's rejections. */
    public Builder mailbox(String value) {
      this.mailbox = value;
      return this;
    }

    /** Searches {@code value} in one field ({@code remoteIp}, ...) or {@code all}. */
    public Builder search(String field, String value) {
      this.searchField = field;
      this.searchValue = value;
      return this;
    }

    /** Rows per call, 1 to 500. */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /** The query (checked when it is used). */
    public RejectionLogQuery build() {
      return new RejectionLogQuery(start, end, mailbox, searchField, searchValue, pageSize);
    }
  }
}
