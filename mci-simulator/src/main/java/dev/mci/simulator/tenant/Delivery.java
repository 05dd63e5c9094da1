package dev.mci.simulator.tenant;

import java.util.Objects;
import java.util.Optional;

/**
 * One recipient's copy of a message: the unit Message Finder reports as a row.
 *
 * @param recipientIndex position of the recipient in the message, from 0
 * @param recipient the recipient
 * @param status tracking status of this copy
 * @param info human-readable state, e.g. {@code Indexed and archived}
 * @param messageFinderId the Message Finder id of this copy (id family {@link IdFamily#TRACKING})
 * @param hold the policy hold on this copy, if it was held
 */
public record Delivery(
    int recipientIndex,
    Mailbox recipient,
    DeliveryStatus status,
    String info,
    String messageFinderId,
    Optional<Hold> hold) {

  /** Checks nothing is null. */
  public Delivery {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(messageFinderId, "messageFinderId");
    Objects.requireNonNull(hold, "hold");
  }
}
