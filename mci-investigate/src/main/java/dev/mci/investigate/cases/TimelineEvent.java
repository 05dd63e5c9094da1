package dev.mci.investigate.cases;

import java.time.Instant;
import java.util.List;

/**
 * One dated event of the incident.
 *
 * @param time when, UTC
 * @param kind e.g. {@code received}, {@code held}, {@code released}, {@code click}
 * @param summary one line
 * @param evidence what it comes from
 */
public record TimelineEvent(Instant time, String kind, String summary, List<EvidenceRef> evidence) {

  /** Copies the evidence; null becomes empty. */
  public TimelineEvent {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
