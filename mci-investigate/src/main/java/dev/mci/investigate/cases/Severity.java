package dev.mci.investigate.cases;

/** How much a finding matters, most serious first. */
public enum Severity {
  /** Harm likely happened or the attack is clear: act on it. */
  HIGH,
  /** Worth checking: it shapes the response. */
  MEDIUM,
  /** Context. */
  INFO
}
