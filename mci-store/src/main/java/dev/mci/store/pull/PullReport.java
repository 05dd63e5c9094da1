package dev.mci.store.pull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a pull ended.
 *
 * @param stored new events stored
 * @param duplicates events received again and skipped
 * @param files files or pages committed
 * @param quarantined files set aside (their reasons are in the store and the quarantine folder)
 * @param elapsed how long the pull ran
 * @param problems streams that stopped early, with the reason; empty when every stream caught up
 */
public record PullReport(
    long stored,
    long duplicates,
    long files,
    long quarantined,
    Duration elapsed,
    Map<String, String> problems) {

  /** Copies the map. */
  public PullReport {
    problems = Map.copyOf(problems);
  }

  /** Whether every stream caught up. */
  public boolean complete() {
    return problems.isEmpty();
  }

  /** The streams that stopped early. */
  public List<String> failedStreams() {
    return problems.keySet().stream().sorted().toList();
  }
}
