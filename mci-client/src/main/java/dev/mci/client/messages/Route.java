package dev.mci.client.messages;

import java.util.Locale;

/** The direction of a message relative to the tenant. */
public enum Route {
  /** From outside to the tenant. */
  INBOUND,
  /** From the tenant to outside. */
  OUTBOUND,
  /** Within the tenant. */
  INTERNAL;

  /** The lower-case form the API uses, e.g. {@code inbound}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
