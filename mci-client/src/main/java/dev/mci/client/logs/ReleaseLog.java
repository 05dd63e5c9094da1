package dev.mci.client.logs;

import dev.mci.client.messages.EmailAddress;
import java.time.Instant;
import java.util.List;

/**
 * One message release log row ({@code heldReleaseLogs[]}): a held message that was released or
 * rejected, and who did it. Fields the server did not send are null ({@code to} empty).
 *
 * @param id the row's id
 * @param status {@code released} or {@code rejected}
 * @param operator address of who acted (read from a string or an {@code {email}} object); empty for
 *     housekeeping
 * @param released when it was released or rejected; may be missing
 * @param heldReason why it was held
 * @param policy the policy definition that held it
 * @param heldGroup recipient group, if sent to a group
 * @param messageInfo extra detail, e.g. {@code Expired in queue - rejected by housekeeping}
 * @param rejectReason why it was rejected
 * @param fromEnv envelope sender
 * @param fromHdr header From
 * @param to recipients
 * @param subject subject
 * @param route {@code inbound} or {@code outbound}
 * @param size size in bytes
 * @param attachments whether it has attachments
 * @param spamScore spam score
 * @param detectionLevel spam detection level
 * @param spamProcessing sender checks and spam verdict; null when not reported
 */
public record ReleaseLog(
    String id,
    String status,
    String operator,
    Instant released,
    String heldReason,
    String policy,
    String heldGroup,
    String messageInfo,
    String rejectReason,
    EmailAddress fromEnv,
    EmailAddress fromHdr,
    List<EmailAddress> to,
    String subject,
    String route,
    Long size,
    Boolean attachments,
    Double spamScore,
    String detectionLevel,
    SpamProcessing spamProcessing) {

  /** Copies the recipients; null becomes empty. */
  public ReleaseLog {
    to = to == null ? List.of() : List.copyOf(to);
  }

  /**
   * The sender validation and spam verdict of a held message ({@code spamProcessingDetail}).
   *
   * @param spf SPF check
   * @param dkim DKIM check
   * @param dmarc DMARC check
   * @param rbl real-time blocklist check
   * @param managedSender managed sender check
   * @param permittedSender permitted sender check
   * @param greyEmail whether it was classed as grey mail
   * @param verdictDecision {@code spamVerdict.decision}
   * @param verdictRisk {@code spamVerdict.risk}
   */
  public record SpamProcessing(
      Check spf,
      Check dkim,
      Check dmarc,
      Check rbl,
      Check managedSender,
      Check permittedSender,
      Boolean greyEmail,
      String verdictDecision,
      String verdictRisk) {}

  /**
   * One sender check.
   *
   * @param allow whether the check let the message through
   * @param info the check's result, e.g. {@code pass}, {@code fail}
   */
  public record Check(Boolean allow, String info) {}
}
