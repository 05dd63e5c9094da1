package dev.mci.client.messages;

import java.time.Instant;
import java.util.List;

/**
 * One archive search result. Only the fields the query asked for are set; others are null (or empty
 * for the list).
 *
 * @param id the archive id: input to {@code detail}, {@code part} and {@code file}
 * @param subject subject line
 * @param displayFrom sender display name or address
 * @param displayFromAddress sender address
 * @param displayTo recipients as displayed
 * @param to recipients
 * @param received when the message was received
 * @param size size in bytes
 * @param attachmentCount number of attachments (inline {@code cid:} parts are not counted)
 * @param status archive status, e.g. {@code ARCHIVED}
 * @param smash content hash; not an id
 */
public record ArchivedMessage(
    String id,
    String subject,
    String displayFrom,
    String displayFromAddress,
    String displayTo,
    List<EmailAddress> to,
    Instant received,
    Long size,
    Integer attachmentCount,
    String status,
    String smash) {

  /** Copies the list; null becomes empty. */
  public ArchivedMessage {
    to = to == null ? List.of() : List.copyOf(to);
  }
}
