package dev.mci.client.logs;

import java.time.Instant;

/**
 * One Attachment Protect log row ({@code attachmentLogs[]}). Fields the server did not send are
 * null.
 *
 * @param date when the verdict was given (released from the sandbox)
 * @param senderAddress envelope sender; may be {@code <>}
 * @param recipientAddress recipient
 * @param fileName file name as sent
 * @param fileType MIME type, e.g. {@code application/pdf}
 * @param fileHash SHA-256 of the file, lower-case hex
 * @param result {@code safe}, {@code malicious}, {@code timeout}, ... (both documented vocabularies
 *     occur)
 * @param actionTriggered e.g. {@code sandbox, hold}
 * @param route {@code inbound}, {@code outbound}, {@code internal} or {@code external}
 * @param details the sandbox summary, multi-line
 * @param messageId Internet Message-ID with angle brackets
 * @param subject subject of the message
 * @param definition the Attachment Protect definition that applied
 */
public record AttachmentLog(
    Instant date,
    String senderAddress,
    String recipientAddress,
    String fileName,
    String fileType,
    String fileHash,
    String result,
    String actionTriggered,
    String route,
    String details,
    String messageId,
    String subject,
    String definition) {}
