package dev.mci.client.logs;

import java.time.Instant;

/**
 * A URL Protect log query. Unset values are null and leave the server's default: {@code from} the
 * start of the current day (UTC), {@code to} now, every route and every scan result. Build with
 * {@link #builder()}; {@link LogsApi#urlLogs} checks it before any call.
 *
 * @param from earliest click
 * @param to latest click
 * @param oldestFirst oldest rows first (default newest first)
 * @param route {@code inbound}, {@code outbound}, {@code internal} or {@code all}
 * @param scanResult {@code clean}, {@code malicious} or {@code all}
 * @param pageSize rows per call, 1 to 500 (default 500)
 */
public record UrlLogQuery(
    Instant from, Instant to, boolean oldestFirst, String route, String scanResult, int pageSize) {

  /** A builder with no filters and pages of 500. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link UrlLogQuery}. */
  public static final class Builder {
    private Instant from;
    private Instant to;
    private boolean oldestFirst;
    private String route;
    private String scanResult;
    private int pageSize = Checks.MAX_PAGE_SIZE;

    private Builder() {}

    /** Earliest click. */
    public Builder from(Instant value) {
      this.from = value;
      return this;
    }

    /** Latest click. */
    public Builder to(Instant value) {
      this.to = value;
      return this;
    }

    /** Oldest rows first. */
    public Builder oldestFirst(boolean value) {
      this.oldestFirst = value;
      return this;
    }

    /** {@code inbound}, {@code outbound}, {@code internal} or {@code all}. */
    public Builder route(String value) {
      this.route = value;
      return this;
    }

    /** {@code clean}, {@code malicious} or {@code all}. */
    public Builder scanResult(String value) {
      this.scanResult = value;
      return this;
    }

    /** Rows per call, 1 to 500. */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /** The query (checked when it is used). */
    public UrlLogQuery build() {
      return new UrlLogQuery(from, to, oldestFirst, route, scanResult, pageSize);
    }
  }
}
