package dev.mci.simulator.tenant;

import java.util.Locale;
import java.util.Optional;

/** Direction of a message relative to the tenant. */
public enum Route {
  /** From outside to the tenant. */
  INBOUND,
  /** From the tenant to outside. */
  OUTBOUND,
  /** Between the tenant's own mailboxes. */
  INTERNAL;

  /** The wire value: {@code inbound}, {@code outbound}, {@code internal}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a wire value, case-insensitively. */
  public static Optional<Route> fromWire(String value) {
    for (Route route : values()) {
      if (route.wire().equalsIgnoreCase(value.strip())) {
        return Optional.of(route);
      }
    }
    return Optional.empty();
  }
}
