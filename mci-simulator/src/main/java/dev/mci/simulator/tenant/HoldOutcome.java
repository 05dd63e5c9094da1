package dev.mci.simulator.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a held copy left the hold queue. Derived by {@link TenantActivity#holdOutcome(Message,
 * Delivery)}: a released {@link Hold} is released by its administrator; a copy still held more than
 * {@link TenantActivity#HOLD_QUEUE_RETENTION} after it was held was rejected by an administrator or
 * by its recipient, or expired. Copies held more recently are still in the queue (no outcome).
 *
 * @param kind what happened
 * @param at when
 * @param operator who acted: an administrator's or the recipient's address; empty for housekeeping
 * @param info the log's {@code messageInfo}, e.g. {@code Released by administrator}
 * @param rejectReason why it was rejected, when it was
 */
public record HoldOutcome(
    Kind kind, Instant at, String operator, String info, Optional<String> rejectReason) {

  /** What happened to the held copy. */
  public enum Kind {
    /** Released to the recipient. */
    RELEASED,
    /** Rejected by an administrator or the recipient. */
    REJECTED,
    /** Rejected by housekeeping after too long in the queue. */
    EXPIRED
  }

  /** Checks nothing is null. */
  public HoldOutcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(rejectReason, "rejectReason");
  }

  /** {@code released} or {@code rejected}, as the release log reports it. */
  public String status() {
    return kind == Kind.RELEASED ? "released" : "rejected";
  }
}
