package dev.mci.client.logs;

import java.time.Instant;
import java.util.List;

/**
 * An Impersonation Protect log query. Unset values are null (lists empty) and leave the server's
 * default: {@code from} the start of the current day (UTC), {@code to} now, no filters.
 *
 * @param from earliest detection
 * @param to latest detection
 * @param oldestFirst oldest rows first (default newest first)
 * @param taggedMalicious only rows tagged malicious ({@code true}) or only untagged ones ({@code
 *     false}); null for both
 * @param searchField {@code senderAddress}, {@code recipientAddress}, {@code subject}, {@code
 *     policy} or {@code all}; needs {@code query}
 * @param query text to search for ({@code searchField} defaults to {@code all})
 * @param identifiers only rows where one of these identifiers fired, e.g. {@code
 *     internal_user_name}
 * @param actions only rows with one of these actions, e.g. {@code hold}
 * @param pageSize rows per call, 1 to 500 (default 500)
 */
public record ImpersonationLogQuery(
    Instant from,
    Instant to,
    boolean oldestFirst,
    Boolean taggedMalicious,
    String searchField,
    String query,
    List<String> identifiers,
    List<String> actions,
    int pageSize) {

  /** Copies the lists; null becomes empty. */
  public ImpersonationLogQuery {
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  /** A builder with no filters and pages of 500. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ImpersonationLogQuery}. */
  public static final class Builder {
    private Instant from;
    private Instant to;
    private boolean oldestFirst;
    private Boolean taggedMalicious;
    private String searchField;
    private String query;
    private List<String> identifiers = List.of();
    private List<String> actions = List.of();
    private int pageSize = Checks.MAX_PAGE_SIZE;

    private Builder() {}

    /** Earliest detection. */
    public Builder from(Instant value) {
      this.from = value;
      return this;
    }

    /** Latest detection. */
    public Builder to(Instant value) {
      this.to = value;
      return this;
    }

    /** Oldest rows first. */
    public Builder oldestFirst(boolean value) {
      this.oldestFirst = value;
      return this;
    }

    /** Tagged-malicious filter; null for both. */
    public Builder taggedMalicious(Boolean value) {
      this.taggedMalicious = value;
      return this;
    }

    /** Searches {@code text} in one field ({@code senderAddress}, ...) or {@code all}. */
    public Builder search(String field, String text) {
      this.searchField = field;
      this.query = text;
      return this;
    }

    /** Identifier filter. */
    public Builder identifiers(List<String> values) {
      this.identifiers = values;
      return this;
    }

    /** Action filter. */
    public Builder actions(List<String> values) {
      this.actions = values;
      return this;
    }

    /** Rows per call, 1 to 500. */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /** The query (checked when it is used). */
    public ImpersonationLogQuery build() {
      return new ImpersonationLogQuery(
          from,
          to,
          oldestFirst,
          taggedMalicious,
          searchField,
          query,
          identifiers,
          actions,
          pageSize);
    }
  }
}
