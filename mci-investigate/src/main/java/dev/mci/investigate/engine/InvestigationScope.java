package dev.mci.investigate.engine;

import dev.mci.client.MimecastClient;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.cases.CaseRecorder;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.cases.EvidenceFolder;
import java.time.Clock;
import java.util.Objects;

/**
 * What every step of one run shares.
 *
 * @param client the one client (one rate-limit budget); may be null only for playbooks whose steps
 *     make no API calls (tests)
 * @param indicator what is investigated
 * @param window the time window
 * @param clock the time source (step start times and durations)
 * @param recorder where steps record findings' data
 * @param evidence where steps save files; may be null only for playbooks that save none (tests)
 */
public record InvestigationScope(
    MimecastClient client,
    Indicator indicator,
    CaseWindow window,
    Clock clock,
    CaseRecorder recorder,
    EvidenceFolder evidence) {

  /** Checks the parts every run needs. */
  public InvestigationScope {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(recorder, "recorder");
  }
}
