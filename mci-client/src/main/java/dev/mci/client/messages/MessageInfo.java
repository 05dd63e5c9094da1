package dev.mci.client.messages;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Message Finder knows about one recipient's copy ({@code get-message-info}): the receipt,
 * each delivery, retention, spam verdicts and any queue record. Mimecast sometimes leaves fields
 * out; every nested value may be null (lists and maps are then empty).
 *
 * @param id the Message Finder id
 * @param status lower-case status, e.g. {@code archived}, {@code held}
 * @param received the message as received, and the receipt leg
 * @param deliveries per-recipient delivery records, keyed by recipient address
 * @param retention archive retention
 * @param spam spam and sender-authentication verdicts
 * @param queue the queue record, when the copy is or was held, deferred or rejected
 */
public record MessageInfo(
    String id,
    String status,
    Receipt received,
    Map<String, Delivery> deliveries,
    Retention retention,
    Spam spam,
    Queue queue) {

  /** Copies the map, keeping the server's order; null becomes empty. */
  public MessageInfo {
    deliveries =
        deliveries == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(deliveries));
  }

  /**
   * The copy as Mimecast received it.
   *
   * @param message the message's headers as received
   * @param leg the SMTP receipt
   */
  public record Receipt(Copy message, Leg leg) {}

  /**
   * One recipient's delivery.
   *
   * @param message the message's headers as delivered
   * @param policies the policies applied
   * @param leg the SMTP delivery
   */
  public record Delivery(Copy message, List<Policy> policies, Leg leg) {
    /** Copies the list. */
    public Delivery {
      policies = policies == null ? List.of() : List.copyOf(policies);
    }
  }

  /**
   * A copy's message-level facts.
   *
   * @param fromHeader header From address
   * @param fromEnvelope envelope sender ({@code <>} for a null sender)
   * @param to recipients
   * @param cc copy recipients
   * @param subject subject line
   * @param sent sent time
   * @param processed processing time
   * @param transmissionInfo the header block as sent by Mimecast (HTML-escaped, in {@code <pre>})
   * @param route route, on delivered copies
   */
  public record Copy(
      String fromHeader,
      String fromEnvelope,
      List<String> to,
      List<String> cc,
      String subject,
      Instant sent,
      Instant processed,
      String transmissionInfo,
      String route) {

    /** Copies the lists. */
    public Copy {
      to = to == null ? List.of() : List.copyOf(to);
      cc = cc == null ? List.of() : List.copyOf(cc);
    }

    /**
     * The header lines of {@link #transmissionInfo()}: unescaped, outside the {@code <pre>}
     * wrapper, folded lines joined. Each entry is {@code Name: value}.
     */
    public List<String> transmissionHeaders() {
      return TransmissionInfo.headerLines(transmissionInfo);
    }
  }

  /**
   * One SMTP leg: the receipt from the sender or a delivery to the next hop.
   *
   * @param event what happened, e.g. {@code Email Received - SPF check failed}
   * @param emailAddress the recipient, on deliveries
   * @param expiresInDays days until the record expires
   * @param processingServer the Mimecast server
   * @param transmissionSize bytes transmitted
   * @param binaryEmailSize stored size, on receipts
   * @param remoteIp the sending IP (receipt) or next-hop IP (delivery)
   * @param remoteHost the remote host name
   * @param remoteServerGreeting what the remote server said
   * @param acknowledgement the final SMTP answer
   * @param start when the transmission started
   * @param end when it ended
   * @param encryption {@code TLS} or empty
   * @param components the parts with their SHA-256
   */
  public record Leg(
      String event,
      String emailAddress,
      Integer expiresInDays,
      String processingServer,
      Long transmissionSize,
      Long binaryEmailSize,
      String remoteIp,
      String remoteHost,
      String remoteServerGreeting,
      String acknowledgement,
      Instant start,
      Instant end,
      String encryption,
      List<Component> components) {

    /** Copies the list. */
    public Leg {
      components = components == null ? List.of() : List.copyOf(components);
    }
  }

  /**
   * One part of a transmission.
   *
   * @param type e.g. {@code Email Transmission File}, {@code Email Primary Body HTML}
   * @param name file name
   * @param extension extension
   * @param mimeType MIME type
   * @param size size in bytes
   * @param sha256 lower-case hex SHA-256
   */
  public record Component(
      String type, String name, String extension, String mimeType, Long size, String sha256) {}

  /**
   * A policy applied on delivery.
   *
   * @param type e.g. {@code URL Protection}
   * @param name the definition name
   * @param inherited whether it was inherited
   */
  public record Policy(String type, String name, Boolean inherited) {}

  /**
   * Archive retention.
   *
   * @param currentPurgeDate when the message will be purged
   * @param originalPurgeDate the first purge date
   * @param purgeBasedOn what the date is based on
   * @param adjustmentDays days of adjustment; -1 for none
   */
  public record Retention(
      Instant currentPurgeDate,
      Instant originalPurgeDate,
      String purgeBasedOn,
      Integer adjustmentDays) {}

  /**
   * Spam and authentication verdicts.
   *
   * @param score spam score
   * @param detectionLevel e.g. {@code relaxed}; empty when not scanned
   * @param greyEmail graymail or bulk classification
   * @param rbl real-time blocklist check
   * @param spf SPF check (envelope domain only)
   * @param dkim DKIM check
   * @param dmarc DMARC check
   * @param permittedSender permitted-sender check ({@code whitelist} when one applied)
   * @param managedSender managed-sender check
   */
  public record Spam(
      Integer score,
      String detectionLevel,
      Boolean greyEmail,
      Check rbl,
      Check spf,
      Check dkim,
      Check dmarc,
      Check permittedSender,
      Check managedSender) {}

  /**
   * One check.
   *
   * @param allow whether the check let the message through
   * @param info the verdict text, e.g. {@code fail}, {@code allow}
   */
  public record Check(Boolean allow, String info) {}

  /**
   * The queue record of a held, deferred or rejected copy.
   *
   * @param id the held-message id
   * @param created when it was queued
   * @param deferred whether delivery was deferred
   * @param reason e.g. {@code Moderate Spam Detection}
   * @param info e.g. {@code - Message Spam Scanner (Holding Message)}
   * @param heldGroup who may release it, e.g. {@code Administrator}
   * @param route route
   * @param remoteIp sending IP
   */
  public record Queue(
      String id,
      Instant created,
      Boolean deferred,
      String reason,
      String info,
      String heldGroup,
      String route,
      String remoteIp) {}
}
