package dev.mci.simulator.tenant;

import java.util.Locale;
import java.util.Optional;

/**
 * Message Finder status of one recipient's copy, in the reference's vocabulary (01 §1.3). A
 * delivered message is indexed into the archive, so delivery shows as {@link #ARCHIVED}.
 */
public enum DeliveryStatus {
  /** Delivered and archived ("Indexed and archived"). */
  ARCHIVED,
  /** Held by a policy, awaiting release or rejection. */
  HELD,
  /** Rejected by Mimecast before delivery. */
  REJECTED,
  /** Delivery failed permanently. */
  BOUNCED,
  /** Delivery is being retried. */
  DEFERRED,
  /** In the delivery queue right now. */
  DELIVERY,
  /** Accepted, not yet processed. */
  ACCEPTED;

  /** The wire value, lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a wire value, case-insensitively. */
  public static Optional<DeliveryStatus> fromWire(String value) {
    for (DeliveryStatus status : values()) {
      if (status.wire().equalsIgnoreCase(value.strip())) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
