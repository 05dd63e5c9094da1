package dev.mci.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a duration. Injected so that tests can record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for {@code duration}.
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /** The real sleeper, backed by {@link TimeUnit#sleep(long)}. */
  static Sleeper system() {
    return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
  }
}
