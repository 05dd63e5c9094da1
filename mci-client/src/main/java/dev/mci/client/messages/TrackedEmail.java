package dev.mci.client.messages;

import java.time.Instant;
import java.util.List;

/**
 * One Message Finder row ({@code trackedEmails[]}). Fields the server did not send are null, except
 * {@code to}, which is then empty.
 *
 * @param id the Message Finder id, input to get-message-info (not an archive id)
 * @param status lower-case state, e.g. {@code archived}, {@code held}, {@code rejected}
 * @param info human-readable state, e.g. {@code Indexed and archived}
 * @param fromEnv envelope sender
 * @param fromHdr header From
 * @param to recipients
 * @param received when Mimecast received the message
 * @param sent sent or processed time
 * @param subject subject line
 * @param senderIp connecting IP ({@code senderIP} on the wire)
 * @param attachments whether the message has attachments; not always reported
 * @param route lower-case route, e.g. {@code inbound}
 * @param spamScore spam score
 * @param detectionLevel spam detection level, e.g. {@code relaxed}; empty when not scanned
 */
public record TrackedEmail(
    String id,
    String status,
    String info,
    EmailAddress fromEnv,
    EmailAddress fromHdr,
    List<EmailAddress> to,
    Instant received,
    Instant sent,
    String subject,
    String senderIp,
    Boolean attachments,
    String route,
    Integer spamScore,
    String detectionLevel) {

  /** Copies the recipient list; null becomes empty. */
  public TrackedEmail {
    to = to == null ? List.of() : List.copyOf(to);
  }
}
