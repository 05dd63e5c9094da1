package dev.mci.investigate.cases;

import java.util.List;

/**
 * One plain statement the data supports.
 *
 * @param rank 1 for the most important
 * @param severity how much it matters
 * @param rule the rule that produced it
 * @param statement the statement, in plain words
 * @param evidence what supports it
 */
public record Finding(
    int rank, Severity severity, String rule, String statement, List<EvidenceRef> evidence) {

  /** Copies the evidence; null becomes empty. */
  public Finding {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
