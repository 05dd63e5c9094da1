package dev.mci.investigate.cases;

import java.time.Instant;
import java.util.List;

/**
 * One recipient's copy of a message, as Message Finder (or later the archive) reported it.
 *
 * @param id the Message Finder id of this copy (input to get-message-info)
 * @param relation why the message is in the case
 * @param status lower-case state, e.g. {@code archived}, {@code held}
 * @param info human-readable state
 * @param envelopeFrom envelope sender
 * @param headerFrom header From
 * @param to recipients of this copy
 * @param received when Mimecast received it (UTC)
 * @param subject subject line
 * @param senderIp connecting IP
 * @param route lower-case route, e.g. {@code inbound}
 * @param spamScore spam score, null when not reported
 * @param hasAttachments whether it carries attachments, null when not reported
 * @param foundBy the step that found it
 */
public record CaseMessage(
    String id,
    Relation relation,
    String status,
    String info,
    Address envelopeFrom,
    Address headerFrom,
    List<Address> to,
    Instant received,
    String subject,
    String senderIp,
    String route,
    Integer spamScore,
    Boolean hasAttachments,
    String foundBy) {

  /** Copies the recipients; null becomes empty. */
  public CaseMessage {
    to = to == null ? List.of() : List.copyOf(to);
  }

  /** This copy with another relation. */
  public CaseMessage withRelation(Relation newRelation) {
    return new CaseMessage(
        id,
        newRelation,
        status,
        info,
        envelopeFrom,
        headerFrom,
        to,
        received,
        subject,
        senderIp,
        route,
        spamScore,
        hasAttachments,
        foundBy);
  }

  /** The header From, or the envelope sender when the header is blank. */
  public Address sender() {
    if (headerFrom != null && !headerFrom.address().isEmpty()) {
      return headerFrom;
    }
    return envelopeFrom == null ? new Address("", null) : envelopeFrom;
  }
}
