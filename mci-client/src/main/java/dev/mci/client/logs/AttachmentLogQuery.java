package dev.mci.client.logs;

import java.time.Instant;

/**
 * An Attachment Protect log query. Unset values are null and leave the server's default: {@code
 * from} the start of the current day (UTC), {@code to} now, every route and every result.
 *
 * @param from earliest verdict
 * @param to latest verdict
 * @param oldestFirst oldest rows first (default newest first)
 * @param route {@code inbound}, {@code outbound}, {@code internal}, {@code external} or {@code all}
 * @param result {@code safe}, {@code malicious}, {@code timeout}, {@code error}, {@code unsafe} or
 *     {@code all}
 * @param pageSize rows per call, 1 to 500 (default 500)
 */
public record AttachmentLogQuery(
    Instant from, Instant to, boolean oldestFirst, String route, String result, int pageSize) {

  /** A builder with no filters and pages of 500. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AttachmentLogQuery}. */
  public static final class Builder {
    private Instant from;
    private Instant to;
    private boolean oldestFirst;
    private String route;
    private String result;
    private int pageSize = Checks.MAX_PAGE_SIZE;

    private Builder() {}

    /** Earliest verdict. */
    public Builder from(Instant value) {
      this.from = value;
      return this;
    }

    /** Latest verdict. */
    public Builder to(Instant value) {
      this.to = value;
      return this;
    }

    /** Oldest rows first. */
    public Builder oldestFirst(boolean value) {
      this.oldestFirst = value;
      return this;
    }

    /** Route filter. */
    public Builder route(String value) {
      this.route = value;
      return this;
    }

    /** Result filter. */
    public Builder result(String value) {
      this.result = value;
      return this;
    }

    /** Rows per call, 1 to 500. */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /** The query (checked when it is used). */
    public AttachmentLogQuery build() {
      return new AttachmentLogQuery(from, to, oldestFirst, route, result, pageSize);
    }
  }
}
