package dev.mci.investigate.cases;

import dev.mci.investigate.Indicator;
import java.time.Instant;

/**
 * One line of the case index.
 *
 * @param id the case id
 * @param createdAt when the investigation started
 * @param indicator what was investigated
 * @param status complete or partial
 * @param findings how many findings
 * @param messages how many message copies
 */
public record CaseSummary(
    String id,
    Instant createdAt,
    Indicator indicator,
    CaseStatus status,
    int findings,
    int messages) {

  /** The summary of a case. */
  public static CaseSummary of(Case model) {
    return new CaseSummary(
        model.id(),
        model.createdAt(),
        model.indicator(),
        model.status(),
        model.findings().size(),
        model.data().messages().size());
  }
}
