package dev.mci.investigate.cases;

import java.time.Instant;

/**
 * A copy held by policy, and what an administrator did about it (held-release logs).
 *
 * @param messageId the held copy's id, null when unknown
 * @param recipient whose copy it was, lower case
 * @param heldAt when it was held (UTC)
 * @param reason why, e.g. {@code Attachment Protection}
 * @param releasedAt when it was released, null while held or when rejected
 * @param releasedBy who released it, null while held
 * @param foundBy the step that found it
 */
public record HoldRelease(
    String messageId,
    String recipient,
    Instant heldAt,
    String reason,
    Instant releasedAt,
    String releasedBy,
    String foundBy) {}
