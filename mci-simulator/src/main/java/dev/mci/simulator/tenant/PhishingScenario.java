package dev.mci.simulator.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The phishing story planted in every tenant, two days before "now": a sender impersonating the CEO
 * from a lookalike of the internal domain mails about 40 staff with one malicious URL and one
 * hostile attachment; a VIP's copy was held and then released by an administrator. Two to three
 * weeks earlier the same attacker had tried a first wave: a few messages from other addresses of
 * the lookalike domain carrying the same attachment, caught by Attachment Protect. Tests and demos
 * read these values instead of hard-coding them.
 *
 * @param impersonated the internal user whose display name the attacker borrowed (the CEO)
 * @param sender the header {@code From}: the CEO's display name on the lookalike domain
 * @param envelopeSender the envelope sender
 * @param senderDomain the lookalike domain
 * @param sendingIp the IP the message arrived from
 * @param subject subject line
 * @param messageIdHeader the Internet {@code Message-ID} header, with angle brackets
 * @param received when Mimecast received it
 * @param messageIndex the message's index in the tenant
 * @param archiveId the archive id
 * @param messageFinderIds Message Finder ids, one per recipient, in recipient order
 * @param recipients the recipients
 * @param urls the URLs in the body (original and rewritten)
 * @param maliciousUrl the malicious URL among {@code urls}
 * @param attachment the hostile attachment
 * @param heldRecipient the recipient whose copy was held
 * @param heldAt when that copy was held
 * @param releasedBy the administrator who released it
 * @param releasedAt when it was released
 * @param earlierWave the campaign's earlier messages carrying the same attachment (same bytes, same
 *     SHA-256), oldest first; never empty, and none of them is the planted message
 */
public record PhishingScenario(
    User impersonated,
    Mailbox sender,
    Mailbox envelopeSender,
    String senderDomain,
    String sendingIp,
    String subject,
    String messageIdHeader,
    Instant received,
    long messageIndex,
    String archiveId,
    List<String> messageFinderIds,
    List<Mailbox> recipients,
    List<MessageUrl> urls,
    MessageUrl maliciousUrl,
    AttachmentFile attachment,
    Mailbox heldRecipient,
    Instant heldAt,
    String releasedBy,
    Instant releasedAt,
    List<Message> earlierWave) {

  /** Copies lists and checks nothing is null. */
  public PhishingScenario {
    Objects.requireNonNull(impersonated, "impersonated");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(envelopeSender, "envelopeSender");
    Objects.requireNonNull(senderDomain, "senderDomain");
    Objects.requireNonNull(sendingIp, "sendingIp");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(messageIdHeader, "messageIdHeader");
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(archiveId, "archiveId");
    messageFinderIds = List.copyOf(messageFinderIds);
    recipients = List.copyOf(recipients);
    urls = List.copyOf(urls);
    Objects.requireNonNull(maliciousUrl, "maliciousUrl");
    Objects.requireNonNull(attachment, "attachment");
    Objects.requireNonNull(heldRecipient, "heldRecipient");
    Objects.requireNonNull(heldAt, "heldAt");
    Objects.requireNonNull(releasedBy, "releasedBy");
    Objects.requireNonNull(releasedAt, "releasedAt");
    earlierWave = List.copyOf(earlierWave);
  }

  /** The attachment's file name. */
  public String attachmentName() {
    return attachment.fileName();
  }

  /** The {@code Message-ID} headers of the earlier wave, oldest first. */
  public List<String> earlierWaveMessageIds() {
    return earlierWave.stream().map(Message::messageIdHeader).toList();
  }

  /** The attachment's SHA-256, lower-case hex. */
  public String attachmentSha256() {
    return attachment.sha256();
  }
}
