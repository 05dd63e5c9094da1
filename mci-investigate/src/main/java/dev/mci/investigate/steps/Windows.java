package dev.mci.investigate.steps;

import dev.mci.investigate.cases.CaseWindow;
import java.time.Duration;
import java.time.Instant;

/** Clamps the case window to what a log endpoint retains. */
final class Windows {

  private Windows() {}

  /** The window's start, no earlier than {@code retention} before {@code now} (a minute inside). */
  static Instant since(CaseWindow window, Instant now, Duration retention) {
    Instant oldest = now.minus(retention).plus(Duration.ofMinutes(1));
    return window.since().isBefore(oldest) ? oldest : window.since();
  }
}
