package dev.mci.simulator.tenant;

import java.util.Locale;

/** Result of one SPF, DKIM or DMARC check. */
public enum AuthVerdict {
  /** The check passed. */
  PASS,
  /** The check failed. */
  FAIL,
  /** SPF soft fail. */
  SOFTFAIL,
  /** The policy gave no verdict. */
  NEUTRAL,
  /** Nothing to check (no record or no signature). */
  NONE;

  /** Lower-case wire value, e.g. {@code pass}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
