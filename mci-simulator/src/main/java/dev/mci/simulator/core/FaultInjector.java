package dev.mci.simulator.core;

import dev.mci.simulator.FaultProfile;
import dev.mci.simulator.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Draws the {@link FaultProfile}'s faults from one seeded random sequence, so the same seed and the
 * same order of requests give the same faults. Thread-safe.
 */
public final class FaultInjector {

  /** What the profile does to one request. */
  public enum Kind {
    /** Nothing. */
    NONE,
    /** Close the connection without answering. */
    DROP,
    /** Answer a 5xx error. */
    SERVER_ERROR,
    /** Answer 429. */
    RATE_LIMITED,
    /** Answer normally but dribble the body. */
    SLOW
  }

  /**
   * One drawn fault.
   *
   * @param kind what to do
   * @param status the HTTP status for {@link Kind#SERVER_ERROR}
   * @param resetMillis the reset for {@link Kind#RATE_LIMITED}
   */
  public record Drawn(Kind kind, int status, long resetMillis) {
    /** Checks the kind is present. */
    public Drawn {
      Objects.requireNonNull(kind, "kind");
    }
  }

  private static final int[] SERVER_ERRORS = {500, 502, 503, 504};
  private static final Drawn NOTHING = new Drawn(Kind.NONE, 0, 0);

  private final FaultProfile profile;
  private final Sleeper sleeper;
  private final Random random;

  /** An injector for {@code profile}, waiting through {@code sleeper}. */
  public FaultInjector(FaultProfile profile, Sleeper sleeper) {
    this.profile = profile;
    this.sleeper = sleeper;
    this.random = new Random(profile.seed());
  }

  /** Waits the profile's latency plus jitter; no wait when both are zero. */
  public void applyLatency() throws InterruptedException {
    if (profile.latency().isZero() && profile.jitter().isZero()) {
      return;
    }
    long jitterNanos = profile.jitter().toNanos();
    long deviation = jitterNanos == 0 ? 0 : (long) ((nextDouble() * 2 - 1) * jitterNanos);
    long total = Math.max(0, profile.latency().toNanos() + deviation);
    sleeper.sleep(Duration.ofNanos(total));
  }

  /** Draws at most one fault for a request. */
  public Drawn draw() {
    double shares =
        profile.dropShare()
            + profile.serverErrorShare()
            + profile.rateLimitedShare()
            + profile.slowShare();
    if (shares == 0) {
      return NOTHING;
    }
    synchronized (random) {
      double u = random.nextDouble();
      double edge = profile.dropShare();
      if (u < edge) {
        return new Drawn(Kind.DROP, 0, 0);
      }
      edge += profile.serverErrorShare();
      if (u < edge) {
        return new Drawn(Kind.SERVER_ERROR, SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)], 0);
      }
      edge += profile.rateLimitedShare();
      if (u < edge) {
        return new Drawn(Kind.RATE_LIMITED, 429, 100 + random.nextInt(901));
      }
      edge += profile.slowShare();
      if (u < edge) {
        return new Drawn(Kind.SLOW, 0, 0);
      }
      return NOTHING;
    }
  }

  /** The next uniform draw in {@code [0, 1)} from the shared sequence. */
  public double nextDouble() {
    synchronized (random) {
      return random.nextDouble();
    }
  }

  /** The profile's early-expiry share. */
  public double earlyExpiryShare() {
    return profile.earlyExpiryShare();
  }
}
