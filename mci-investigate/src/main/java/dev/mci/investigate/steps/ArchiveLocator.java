package dev.mci.investigate.steps;

import dev.mci.client.MimecastClient;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.CaseMessage;
import java.time.Instant;
import java.util.List;

/**
 * Playbook step 1 beyond Message Finder's 30 days: finds the indicator's messages in the archive.
 * {@link ArchiveSearchLocator} is the default. A window reaching further back than Message Finder
 * for an indicator the locator cannot search is reported in the case as not covered.
 */
@FunctionalInterface
public interface ArchiveLocator {

  /**
   * The messages matching the indicator that were received in {@code [since, until)}, one entry per
   * recipient copy, with relation {@code LOCATED}.
   */
  List<CaseMessage> locate(
      MimecastClient client, Indicator indicator, Instant since, Instant until);

  /** Whether the archive can be searched by this kind of indicator at all. */
  default boolean searches(IndicatorType type) {
    return true;
  }
}
