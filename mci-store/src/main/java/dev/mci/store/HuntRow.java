package dev.mci.store;

import java.time.Instant;

/**
 * One stored event found by a hunt.
 *
 * @param id the store's row id
 * @param time when the event happened
 * @param logType the log type
 * @param source which interface delivered it
 * @param sender envelope sender
 * @param senderAlt header From, when it differs
 * @param user recipient or acting user
 * @param ip source IP
 * @param domain sender's or requested domain
 * @param sha256 file hash
 * @param subject subject line
 * @param action what Mimecast did
 * @param messageId the Internet Message-ID
 * @param aggregateId the id joining the events of one message
 * @param raw the event as received
 */
public record HuntRow(
    long id,
    Instant time,
    String logType,
    String source,
    String sender,
    String senderAlt,
    String user,
    String ip,
    String domain,
    String sha256,
    String subject,
    String action,
    String messageId,
    String aggregateId,
    String raw) {}
