package dev.mci.simulator.tenant;

import java.util.Objects;

/**
 * One recipient's copy of a message, as a Message Finder id names it.
 *
 * @param message the message
 * @param delivery the recipient's copy
 */
public record MessageCopy(Message message, Delivery delivery) {

  /** Checks nothing is null. */
  public MessageCopy {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(delivery, "delivery");
  }
}
