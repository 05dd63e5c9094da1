package dev.mci.simulator.tenant;

import java.util.Objects;
import java.util.Optional;

/**
 * What Mimecast did with one attachment on delivery.
 *
 * @param original the attachment as received
 * @param action kept, replaced by a notice, or removed
 * @param replacement the notice file that took its place (only for {@link Action#REPLACED}); it is
 *     not in {@link Tenant#attachments()} and its {@link AttachmentFile#index()} is -1
 * @param policy the policy that acted, empty for {@link Action#KEPT}
 */
public record DeliveredAttachment(
    AttachmentFile original, Action action, Optional<AttachmentFile> replacement, String policy) {

  /** The three outcomes. */
  public enum Action {
    /** Delivered unchanged. */
    KEPT,
    /** Replaced by a notice file. */
    REPLACED,
    /** Dropped without a trace in the message. */
    REMOVED
  }

  /** Checks nothing is null and that only a replacement has a replacement file. */
  public DeliveredAttachment {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(policy, "policy");
    if (replacement.isPresent() != (action == Action.REPLACED)) {
      throw new IllegalArgumentException("only a replaced attachment has a replacement file");
    }
  }
}
