package dev.mci.store;

import java.util.List;
import java.util.Locale;

/**
 * The canned hunts: each looks for one indicator in every stored log type, through the indexed
 * columns that can hold it.
 */
public enum HuntKind {
  /** A sender address: envelope sender or header From. */
  SENDER(List.of("sender", "sender_alt")),
  /**
   * A domain, with its sub-domains: the sender's, the header From's, or the requested URL's or web
   * host's.
   */
  DOMAIN(List.of("domain", "domain_alt", "domain_base")),
  /** An IP: sending, source, destination or device IP. */
  IP(List.of("ip", "ip_alt")),
  /** A SHA-256 file hash. */
  HASH(List.of("sha256")),
  /** A user: recipient, acting user of an audit or web event, or sender. */
  USER(List.of("user_address", "sender", "sender_alt"));

  private final List<String> columns;

  HuntKind(List<String> columns) {
    this.columns = columns;
  }

  /** The indexed columns searched. */
  List<String> columns() {
    return columns;
  }

  /**
   * The value as stored: trimmed and, except IPs, lower case ({@code @} before a domain dropped).
   */
  public String normalise(String value) {
    String text = value.strip();
    if (this == IP) {
      return text;
    }
    text = text.toLowerCase(Locale.ROOT);
    if (this == DOMAIN) {
      while (text.startsWith("@") || text.startsWith("*.") || text.startsWith(".")) {
        text = text.substring(text.startsWith("*.") ? 2 : 1);
      }
    }
    return text;
  }
}
