package dev.mci.client.logs;

import dev.mci.client.messages.EmailAddress;
import java.time.Instant;

/**
 * One message in the hold queue ({@code get-hold-message-list}), one recipient per row. Fields the
 * server did not send are null.
 *
 * @param id the held-message id (input to hold-release and hold-reject, which MCI does not call)
 * @param dateReceived when it was received
 * @param subject subject
 * @param from envelope sender
 * @param fromHeader header From
 * @param to the recipient
 * @param toHeader header To, when reported
 * @param route upper case: {@code INBOUND}, {@code OUTBOUND}, {@code INTERNAL}, {@code EXTERNAL}
 * @param hasAttachments whether it has attachments
 * @param size size in bytes
 * @param reason why it is held, e.g. {@code Message Hold Applied - Spam Signature policy}
 * @param reasonId upper-case reason id
 * @param reasonCode lower-case reason code, e.g. {@code message_hold_applied_spam_signature_policy}
 * @param policyInfo the definition that held it
 */
public record HeldMessage(
    String id,
    Instant dateReceived,
    String subject,
    EmailAddress from,
    EmailAddress fromHeader,
    EmailAddress to,
    EmailAddress toHeader,
    String route,
    Boolean hasAttachments,
    Long size,
    String reason,
    String reasonId,
    String reasonCode,
    String policyInfo) {}
