package dev.mci.client.messages;

import java.time.Instant;
import java.util.List;

/**
 * One message of a mailbox listing ({@code get-message-list}). Fields the server did not send are
 * null, except {@code to}, which is then empty.
 *
 * @param id the archive id
 * @param status archive status
 * @param received when the message was received
 * @param from header From
 * @param to recipients (the server sends one object or a list)
 * @param subject subject line
 * @param size size in bytes
 * @param attachmentCount number of attachments
 * @param smash content hash; not an id
 * @param read read status (Secure Messaging only)
 * @param secureMessage whether it was sent via Secure Messaging ({@code ccm})
 * @param recalled whether it was recalled (Secure Messaging only)
 * @param expired whether it expired from the archive
 */
public record ListedMessage(
    String id,
    String status,
    Instant received,
    EmailAddress from,
    List<EmailAddress> to,
    String subject,
    Long size,
    Integer attachmentCount,
    String smash,
    Boolean read,
    Boolean secureMessage,
    Boolean recalled,
    Boolean expired) {

  /** Copies the list; null becomes empty. */
  public ListedMessage {
    to = to == null ? List.of() : List.copyOf(to);
  }
}
