package dev.mci.store;

import java.util.Objects;

/**
 * One event as the store keeps it: the original JSON plus the columns hunts search. Text columns
 * are lower case (addresses, domains, hashes) so hunts match regardless of how Mimecast spelt them;
 * a column an event does not have is null.
 *
 * @param eventTime when it happened, epoch milliseconds (0 when the event had no time)
 * @param fingerprint the event's stable identity: with {@code eventTime}, the same event always
 *     gets the same pair, however often it is delivered
 * @param source which interface delivered it, e.g. {@code siem-batch}, {@code siem-v1}, {@code
 *     audit}
 * @param logType the log type, e.g. {@code receipt}, {@code url protect}, {@code audit}
 * @param messageId the Internet Message-ID, when the event names a message
 * @param aggregateId Mimecast's id joining all events of one message
 * @param sender the mail sender (envelope)
 * @param senderAlt a second sender address: the header From when it differs
 * @param userAddress the recipient of a mail event, or the acting user of an audit or web event
 * @param ip the remote or source IP
 * @param ipAlt a second IP (e.g. the public IP of a web request)
 * @param domain the sender's domain, or the requested domain of a URL or web event
 * @param domainAlt a second domain (the header From's domain, or the sender's for a URL event)
 * @param domainBase the registered domain {@code domain} belongs to, when {@code domain} is a
 *     sub-domain (so a hunt for {@code evil.example} finds {@code login.evil.example})
 * @param sha256 a file hash
 * @param subject the subject line
 * @param action what Mimecast did ({@code Acc}, {@code Rej}, {@code Hld}, {@code Block}, ...)
 * @param raw the event exactly as received (JSON)
 */
public record StoredEvent(
    long eventTime,
    String fingerprint,
    String source,
    String logType,
    String messageId,
    String aggregateId,
    String sender,
    String senderAlt,
    String userAddress,
    String ip,
    String ipAlt,
    String domain,
    String domainAlt,
    String domainBase,
    String sha256,
    String subject,
    String action,
    String raw) {

  /** Checks the identity and the original are present. */
  public StoredEvent {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(logType, "logType");
    Objects.requireNonNull(raw, "raw");
  }
}
