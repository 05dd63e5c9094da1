package dev.mci.simulator;

import java.time.Duration;

/**
 * Waits on behalf of the simulator (latency faults, scripted delays, dribbled bodies). Tests inject
 * a recording sleeper so that no unit test waits for real.
 */
@FunctionalInterface
public interface Sleeper {

  /** Blocks the calling thread for {@code duration}; zero or negative durations return at once. */
  void sleep(Duration duration) throws InterruptedException;

  /** A sleeper backed by {@link Thread#sleep(long, int)}. */
  static Sleeper system() {
    return duration -> {
      if (duration.isNegative() || duration.isZero()) {
        return;
      }
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    };
  }
}
