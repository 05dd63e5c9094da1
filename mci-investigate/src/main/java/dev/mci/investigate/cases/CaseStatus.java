package dev.mci.investigate.cases;

/** Whether every step of the playbook produced its data. */
public enum CaseStatus {
  /** Every step of the playbook ran and succeeded (parts not in the build are still listed). */
  COMPLETE,
  /**
   * At least one step failed or was skipped, or no step could run for the indicator; the case says
   * what is missing.
   */
  PARTIAL
}
