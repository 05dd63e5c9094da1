package dev.mci.investigate.cases;

/** How one step ended. */
public enum StepStatus {
  /** It ran and produced its data. */
  SUCCEEDED,
  /** It ran and failed; the error says why. */
  FAILED,
  /** It did not run because a step it needs failed or was skipped. */
  SKIPPED
}
