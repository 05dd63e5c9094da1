package dev.mci.simulator.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message as every endpoint sees it: Message Finder, archive, message parts, logs and SIEM
 * events all read this same record, so the facts agree everywhere.
 *
 * @param index position in time order; the message is a pure function of the seed and this index
 * @param archiveId archive id (family {@link IdFamily#ARCHIVE}); absent when never archived
 *     (rejected, bounced, still held or queued)
 * @param messageIdHeader the Internet {@code Message-ID} header, with angle brackets
 * @param received when Mimecast received it
 * @param sent the sender's {@code Date} header
 * @param route direction relative to the tenant
 * @param envelopeFrom envelope sender (SMTP {@code MAIL FROM})
 * @param headerFrom header {@code From}
 * @param deliveries one per recipient, in recipient order
 * @param subject subject line
 * @param senderIp the IP that connected to Mimecast
 * @param spamScore spam score
 * @param detectionLevel spam detection level, e.g. {@code relaxed}; empty when not scanned
 * @param authResults SPF, DKIM and DMARC results
 * @param attachments attached files, in order
 * @param urls URLs in the body, in order
 * @param sizeBytes size of the message as received
 * @param scenario whether this is the planted phishing message; its campaign's earlier wave is
 *     {@code false}, handled by every layer like any other hostile mail
 */
public record Message(
    long index,
    Optional<String> archiveId,
    String messageIdHeader,
    Instant received,
    Instant sent,
    Route route,
    Mailbox envelopeFrom,
    Mailbox headerFrom,
    List<Delivery> deliveries,
    String subject,
    String senderIp,
    int spamScore,
    String detectionLevel,
    AuthResults authResults,
    List<AttachmentFile> attachments,
    List<MessageUrl> urls,
    long sizeBytes,
    boolean scenario) {

  /** Copies lists and checks nothing is null. */
  public Message {
    Objects.requireNonNull(archiveId, "archiveId");
    Objects.requireNonNull(messageIdHeader, "messageIdHeader");
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(sent, "sent");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(envelopeFrom, "envelopeFrom");
    Objects.requireNonNull(headerFrom, "headerFrom");
    deliveries = List.copyOf(deliveries);
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(senderIp, "senderIp");
    Objects.requireNonNull(detectionLevel, "detectionLevel");
    Objects.requireNonNull(authResults, "authResults");
    attachments = List.copyOf(attachments);
    urls = List.copyOf(urls);
    if (deliveries.isEmpty()) {
      throw new IllegalArgumentException("a message needs at least one recipient");
    }
  }

  /** The recipients, in order. */
  public List<Mailbox> recipients() {
    return deliveries.stream().map(Delivery::recipient).toList();
  }

  /** Whether the message carries attachments. */
  public boolean hasAttachments() {
    return !attachments.isEmpty();
  }
}
