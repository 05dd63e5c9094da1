package dev.mci.client.evidence;

import dev.mci.client.messages.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an RFC 822 message says about itself, read by {@link MessageReader} without opening or
 * running anything in it: the headers, the Received chain, the Authentication-Results, the sender
 * identities (From, Reply-To, Return-Path), the URLs in its bodies, and its attachments with their
 * SHA-256. Everything here is attacker-controlled data. Absent strings are null; lists are empty.
 *
 * @param headers every top-level header in order, values unfolded (not decoded)
 * @param messageId the Message-ID header
 * @param subject the decoded subject
 * @param date the raw Date header
 * @param from header From
 * @param replyTo Reply-To
 * @param to recipients
 * @param cc copy recipients
 * @param returnPath Return-Path (the envelope sender as delivered), without angle brackets
 * @param received the Received chain, newest (topmost) hop first
 * @param authenticationResults every Authentication-Results header, topmost first
 * @param urls URLs in the bodies, in order of appearance, each once per place it was found
 * @param textBody the first plain-text body, decoded (cut at {@link MessageReader#MAX_BODY}
 *     characters)
 * @param htmlBody the first HTML body, decoded (cut likewise)
 * @param attachments every other part, in order
 */
public record ParsedMessage(
    List<Header> headers,
    String messageId,
    String subject,
    String date,
    List<EmailAddress> from,
    List<EmailAddress> replyTo,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    String returnPath,
    List<ReceivedHop> received,
    List<AuthenticationResults> authenticationResults,
    List<BodyUrl> urls,
    String textBody,
    String htmlBody,
    List<Attachment> attachments) {

  /** Copies the lists; null becomes empty. */
  public ParsedMessage {
    headers = copy(headers);
    from = copy(from);
    replyTo = copy(replyTo);
    to = copy(to);
    cc = copy(cc);
    received = copy(received);
    authenticationResults = copy(authenticationResults);
    urls = copy(urls);
    attachments = copy(attachments);
  }

  /** Every value of the header {@code name} (case-insensitive), in order. */
  public List<String> header(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(Header::value)
        .toList();
  }

  /**
   * Why replies would not go to the sender, when they would not: a Reply-To whose address differs
   * from every From address (a common fraud tell). Empty when there is no Reply-To or it matches.
   */
  public Optional<String> replyToMismatch() {
    if (replyTo.isEmpty() || from.isEmpty()) {
      return Optional.empty();
    }
    for (EmailAddress reply : replyTo) {
      String address = lower(reply.emailAddress());
      boolean matches = from.stream().anyMatch(f -> lower(f.emailAddress()).equals(address));
      if (!matches) {
        String fromAddress = lower(from.get(0).emailAddress());
        boolean sameDomain = domain(address).equals(domain(fromAddress));
        return Optional.of(
            "Reply-To "
                + address
                + " differs from From "
                + fromAddress
                + (sameDomain
                    ? " (same domain)"
                    : " (another domain: replies leave the sender's organisation)"));
      }
    }
    return Optional.empty();
  }

  /** The URLs without duplicates, in order of first appearance. */
  public List<String> distinctUrls() {
    return urls.stream().map(BodyUrl::url).distinct().toList();
  }

  private static String lower(String value) {
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }

  private static String domain(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? "" : address.substring(at + 1);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /**
   * One header.
   *
   * @param name the name as sent
   * @param value the value, unfolded
   */
  public record Header(String name, String value) {}

  /**
   * One Received header.
   *
   * @param raw the whole value, unfolded
   * @param from the host that sent (the {@code from} clause)
   * @param fromIp the IP in the {@code from} clause's brackets
   * @param by the host that received
   * @param with the protocol
   * @param id the receiving host's id
   * @param time the timestamp after the {@code ;}, when it parses
   */
  public record ReceivedHop(
      String raw, String from, String fromIp, String by, String with, String id, Instant time) {}

  /**
   * One Authentication-Results header.
   *
   * @param server the authentication service that wrote it (authserv-id)
   * @param checks each method's result
   */
  public record AuthenticationResults(String server, List<Check> checks) {
    /** Copies the list. */
    public AuthenticationResults {
      checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** The result of {@code method} (e.g. {@code spf}), when reported. */
    public Optional<String> result(String method) {
      return checks.stream()
          .filter(c -> c.method().equalsIgnoreCase(method))
          .map(Check::result)
          .findFirst();
    }
  }

  /**
   * One method's result in Authentication-Results.
   *
   * @param method e.g. {@code spf}, {@code dkim}, {@code dmarc}
   * @param result e.g. {@code pass}, {@code fail}, {@code none}
   * @param comment the parenthesised comment, when present
   * @param properties e.g. {@code smtp.mailfrom}, {@code header.d}
   */
  public record Check(
      String method, String result, String comment, Map<String, String> properties) {
    /** Copies the map. */
    public Check {
      properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
  }

  /** Where in the message a URL was found. */
  public enum UrlSource {
    /** In the plain-text body. */
    TEXT,
    /** A link target in the HTML body ({@code a}/{@code area href}). */
    HTML_LINK,
    /** A form target in the HTML body. */
    HTML_FORM,
    /** An image or frame source in the HTML body (tracking pixels included). */
    HTML_RESOURCE,
    /** Written out in the HTML body's visible text. */
    HTML_TEXT
  }

  /**
   * One URL in a body.
   *
   * @param url the URL as written (entities decoded)
   * @param source where it was found
   * @param label the link text shown for it, for HTML links
   */
  public record BodyUrl(String url, UrlSource source, String label) {}

  /**
   * One attachment (any part that is not the text or HTML body).
   *
   * @param fileName the name the message gives it: untrusted, may be hostile; null when none
   * @param contentType the declared MIME type
   * @param size decoded size in bytes
   * @param sha256 lower-case hex SHA-256 of the decoded bytes
   * @param contentId the Content-ID of an inline part
   * @param inline whether it is marked inline
   */
  public record Attachment(
      String fileName,
      String contentType,
      long size,
      String sha256,
      String contentId,
      boolean inline) {}
}
