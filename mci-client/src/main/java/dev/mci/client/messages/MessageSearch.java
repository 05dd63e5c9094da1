package dev.mci.client.messages;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A Message Finder query: either one {@code messageId}, or advanced filters (at least one of {@code
 * from}, {@code to}, {@code subject}, {@code senderIp}, {@code url}, optionally narrowed by {@code
 * route}). Build it with {@link #builder()}; the rules are checked by {@link MessagesApi} before
 * any call. Unset values are null; blank strings count as unset.
 *
 * @param messageId the Internet Message-ID header value, sent as given
 * @param from sender address or domain (exact address or exact domain; subdomains do not match)
 * @param to recipient address or domain
 * @param subject subject text
 * @param senderIp the connecting IP
 * @param url a URL in the message; accepted by Mimecast but undocumented (field notes)
 * @param route only messages with this route
 * @param statuses only rows in these states (lower case, e.g. {@code held}); empty for all.
 *     Undocumented server feature
 * @param start earliest message; Message Finder covers about the last 30 days
 * @param end latest message
 * @param searchReason free text recorded by Mimecast for activity tracking
 * @param pageSize rows per call, 1 to 500 (the server's cap); default 500
 */
public record MessageSearch(
    String messageId,
    String from,
    String to,
    String subject,
    String senderIp,
    String url,
    Route route,
    Set<String> statuses,
    Instant start,
    Instant end,
    String searchReason,
    int pageSize) {

  /** The most rows Message Finder returns for one call. */
  public static final int MAX_PAGE_SIZE = 500;

  /** Normalises blanks to null and the statuses to a sorted, lower-case, unmodifiable set. */
  public MessageSearch {
    messageId = blankToNull(messageId);
    from = blankToNull(from);
    to = blankToNull(to);
    subject = blankToNull(subject);
    senderIp = blankToNull(senderIp);
    url = blankToNull(url);
    searchReason = blankToNull(searchReason);
    SortedSet<String> normalised = new TreeSet<>();
    if (statuses != null) {
      for (String status : statuses) {
        String value = blankToNull(status);
        if (value != null) {
          normalised.add(value.toLowerCase(Locale.ROOT));
        }
      }
    }
    statuses = Collections.unmodifiableSortedSet(normalised);
  }

  /** A builder with no filters and a page size of 500. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's values. */
  public Builder toBuilder() {
    return new Builder()
        .messageId(messageId)
        .from(from)
        .to(to)
        .subject(subject)
        .senderIp(senderIp)
        .url(url)
        .route(route)
        .statuses(statuses)
        .start(start)
        .end(end)
        .searchReason(searchReason)
        .pageSize(pageSize);
  }

  /** Whether any advanced option (from, to, subject, senderIp, url, route) is set. */
  public boolean hasAdvancedOptions() {
    return from != null
        || to != null
        || subject != null
        || senderIp != null
        || url != null
        || route != null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Builds a {@link MessageSearch}. */
  public static final class Builder {
    private String messageId;
    private String from;
    private String to;
    private String subject;
    private String senderIp;
    private String url;
    private Route route;
    private Set<String> statuses = Set.of();
    private Instant start;
    private Instant end;
    private String searchReason;
    private int pageSize = MAX_PAGE_SIZE;

    private Builder() {}

    /** The Internet Message-ID to track; excludes the advanced options. */
    public Builder messageId(String value) {
      this.messageId = value;
      return this;
    }

    /** Sender address or domain. */
    public Builder from(String value) {
      this.from = value;
      return this;
    }

    /** Recipient address or domain. */
    public Builder to(String value) {
      this.to = value;
      return this;
    }

    /** Subject text. */
    public Builder subject(String value) {
      this.subject = value;
      return this;
    }

    /** Connecting IP. */
    public Builder senderIp(String value) {
      this.senderIp = value;
      return this;
    }

    /** A URL in the message (undocumented Mimecast filter). */
    public Builder url(String value) {
      this.url = value;
      return this;
    }

    /** Route filter. */
    public Builder route(Route value) {
      this.route = value;
      return this;
    }

    /** Status filter. */
    public Builder statuses(Set<String> values) {
      this.statuses = values;
      return this;
    }

    /** Earliest message. */
    public Builder start(Instant value) {
      this.start = value;
      return this;
    }

    /** Latest message. */
    public Builder end(Instant value) {
      this.end = value;
      return this;
    }

    /** Reason recorded by Mimecast. */
    public Builder searchReason(String value) {
      this.searchReason = value;
      return this;
    }

    /** Rows per call, 1 to 500. */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /** The query (validated when it is used). */
    public MessageSearch build() {
      return new MessageSearch(
          messageId,
          from,
          to,
          subject,
          senderIp,
          url,
          route,
          statuses,
          start,
          end,
          searchReason,
          pageSize);
    }
  }
}
