package dev.mci.client.logs;

import java.time.Instant;

/**
 * One rejection log row ({@code rejections[]}): a message Mimecast rejected. Fields the server did
 * not send are null. The field names come from one schema sample (reference 04 §5.3).
 *
 * @param id the row's id
 * @param created when it was rejected
 * @param fromAddress envelope sender
 * @param toAddress recipient
 * @param toAddressPreCheck recipient before address checks
 * @param toAddressPostCheck recipient after checks, or a status such as {@code Rejected prior to
 *     DATA acceptance}
 * @param ipAddress the sending (remote) IP
 * @param remoteName reverse DNS of the sending IP
 * @param remoteEhlo the EHLO the sender sent
 * @param info the rejection detail, e.g. {@code IP Found in RBL}
 * @param description a human description
 * @param type the rejection type code
 * @param detectionLevel spam detection level, e.g. {@code not_initiated}
 * @param spamScore spam score
 * @param manageRecipient whether the recipient is managed
 */
public record RejectionLog(
    String id,
    Instant created,
    String fromAddress,
    String toAddress,
    String toAddressPreCheck,
    String toAddressPostCheck,
    String ipAddress,
    String remoteName,
    String remoteEhlo,
    String info,
    String description,
    Integer type,
    String detectionLevel,
    Integer spamScore,
    Boolean manageRecipient) {}
