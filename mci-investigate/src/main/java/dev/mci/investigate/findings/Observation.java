package dev.mci.investigate.findings;

import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.Severity;
import java.util.List;

/**
 * What one rule saw, before ranking.
 *
 * @param severity how much it matters
 * @param statement one plain sentence
 * @param evidence what supports it
 */
public record Observation(Severity severity, String statement, List<EvidenceRef> evidence) {

  /** Copies the evidence. */
  public Observation {
    evidence = List.copyOf(evidence);
  }
}
