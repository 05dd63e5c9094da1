package dev.mci.simulator.tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * Attachment Protect's verdict on one attachment of one recipient's copy. Derived by {@link
 * TenantActivity#attachmentScans(Message)}; the file (and so its SHA-256) is the message's real
 * attachment.
 *
 * @param at when the verdict was given
 * @param message the message
 * @param delivery the recipient's copy
 * @param attachmentIndex position of the file in {@link Message#attachments()}
 * @param file the attachment
 * @param result {@code safe}, {@code malicious} or {@code timeout}
 * @param actionTriggered e.g. {@code none}, {@code sandbox, hold}, {@code sandbox, block}
 * @param definition the Attachment Protect definition that applied
 * @param secondsTaken how long the scan took
 */
public record AttachmentScan(
    Instant at,
    Message message,
    Delivery delivery,
    int attachmentIndex,
    AttachmentFile file,
    String result,
    String actionTriggered,
    String definition,
    int secondsTaken) {

  /** Checks nothing is null. */
  public AttachmentScan {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(actionTriggered, "actionTriggered");
    Objects.requireNonNull(definition, "definition");
  }
}
