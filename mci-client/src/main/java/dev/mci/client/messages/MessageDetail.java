package dev.mci.client.messages;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The structured view of one archived message ({@code get-message-detail}): the only API route to
 * the full header list (Received chain, Authentication-Results), plus the attachments with their
 * SHA-256 and the ids {@code file} downloads them by. Absent strings are null; lists are empty.
 *
 * @param id archive id
 * @param context which copy this describes
 * @param status archive status (compare case-insensitively)
 * @param smash content hash; not an id
 * @param messageId the Internet Message-ID header, with angle brackets
 * @param subject subject line
 * @param headerDate the raw Date header
 * @param received when Mimecast received it
 * @param processed when Mimecast processed it
 * @param size size in bytes
 * @param hasHtmlBody whether there is an HTML body
 * @param from header From
 * @param envelopeFrom envelope sender (Return-Path is not in the header list)
 * @param replyTo Reply-To, null when the message has none
 * @param to recipients
 * @param cc copy recipients
 * @param headers every header in order, each with all its values
 * @param attachments attachments (inline parts included)
 * @param bodyPreview the first 100 characters of the body
 */
public record MessageDetail(
    String id,
    MessageContext context,
    String status,
    String smash,
    String messageId,
    String subject,
    String headerDate,
    Instant received,
    Instant processed,
    Long size,
    Boolean hasHtmlBody,
    EmailAddress from,
    EmailAddress envelopeFrom,
    EmailAddress replyTo,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    List<Header> headers,
    List<Attachment> attachments,
    String bodyPreview) {

  /** Copies the lists; null becomes empty. */
  public MessageDetail {
    to = to == null ? List.of() : List.copyOf(to);
    cc = cc == null ? List.of() : List.copyOf(cc);
    headers = headers == null ? List.of() : List.copyOf(headers);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** Every value of the header {@code name} (case-insensitive), in order. */
  public List<String> header(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .flatMap(h -> h.values().stream())
        .toList();
  }

  /** The first value of the header {@code name}. */
  public Optional<String> firstHeader(String name) {
    return header(name).stream().findFirst();
  }

  /**
   * One header name with all its values.
   *
   * @param name the header name as sent
   * @param values its values in order
   */
  public record Header(String name, List<String> values) {
    /** Copies the list. */
    public Header {
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  /**
   * One attachment.
   *
   * @param id attachment id, input to {@code file}
   * @param fileName the name as sent: untrusted, may be hostile (sanitise before using on disk)
   * @param extension the extension without a leading dot, lower case
   * @param contentType MIME type
   * @param contentId content id of an inline part, empty otherwise
   * @param sha256 lower-case hex SHA-256 of the attachment
   * @param size size in bytes
   */
  public record Attachment(
      String id,
      String fileName,
      String extension,
      String contentType,
      String contentId,
      String sha256,
      Long size) {

    /** Normalises the extension (no leading dot, lower case) and the hash (lower case). */
    public Attachment {
      if (extension != null) {
        extension = extension.strip();
        while (extension.startsWith(".")) {
          extension = extension.substring(1);
        }
        extension = extension.toLowerCase(Locale.ROOT);
      }
      sha256 = sha256 == null ? null : sha256.strip().toLowerCase(Locale.ROOT);
    }
  }
}
