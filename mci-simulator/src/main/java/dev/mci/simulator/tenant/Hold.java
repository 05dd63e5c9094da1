package dev.mci.simulator.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy hold on one recipient's copy, and what an administrator did about it.
 *
 * @param heldAt when the copy was held
 * @param reason the hold reason, e.g. {@code Attachment Protection}
 * @param policy name of the policy definition that held it
 * @param releasedAt when an administrator released it; absent while held
 * @param releasedBy address of the administrator who released it
 */
public record Hold(
    Instant heldAt,
    String reason,
    String policy,
    Optional<Instant> releasedAt,
    Optional<String> releasedBy) {

  /** Checks nothing is null and a release names both time and administrator. */
  public Hold {
    Objects.requireNonNull(heldAt, "heldAt");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(releasedAt, "releasedAt");
    Objects.requireNonNull(releasedBy, "releasedBy");
    if (releasedAt.isPresent() != releasedBy.isPresent()) {
      throw new IllegalArgumentException("a release needs both a time and an administrator");
    }
  }

  /** Whether an administrator released the copy. */
  public boolean released() {
    return releasedAt.isPresent();
  }
}
