package dev.mci.investigate.findings;

import java.util.List;

/**
 * Turns case data into plain statements. A rule reads only {@link CaseFacts}; it never calls the
 * API, so the same case always yields the same findings. Most rules say nothing when their data is
 * absent.
 */
public interface FindingRule {

  /** A short name, recorded with each finding, e.g. {@code clicks}. */
  String name();

  /** The statements this rule makes about the facts; empty when it has nothing to say. */
  List<Observation> observe(CaseFacts facts);
}
