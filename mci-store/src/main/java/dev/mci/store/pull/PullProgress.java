package dev.mci.store.pull;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of a running pull, reported after every committed file or page.
 *
 * @param stream the stream that just advanced
 * @param stored new events stored so far by this pull
 * @param duplicates events received again and skipped
 * @param files files or pages committed
 * @param quarantined files set aside
 * @param newest time of the newest event received so far, or null
 * @param elapsed time since the pull started
 * @param lag how far the newest event is behind now, or null
 */
public record PullProgress(
    String stream,
    long stored,
    long duplicates,
    long files,
    long quarantined,
    Instant newest,
    Duration elapsed,
    Duration lag) {

  /** Stored events per second since the start. */
  public double rate() {
    double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
    return stored / seconds;
  }
}
