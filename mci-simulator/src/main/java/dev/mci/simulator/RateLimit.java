package dev.mci.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A token-bucket quota: at most {@code limit} requests in a burst, refilled continuously at {@code
 * limit} requests per {@code window}.
 *
 * @param limit bucket size in requests, at least 1 (reported as {@code X-RateLimit-Limit})
 * @param window time to refill an empty bucket completely, positive
 */
public record RateLimit(int limit, Duration window) {

  /** Validates the quota; the product of limit and window in nanoseconds must fit in a long. */
  public RateLimit {
    Objects.requireNonNull(window, "window");
    if (limit < 1) {
      throw new IllegalArgumentException("rate limit must be at least 1 request, was " + limit);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("rate limit window must be positive, was " + window);
    }
    try {
      Math.multiplyExact(window.toNanos(), (long) limit);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "rate limit too large to count precisely: " + limit + " per " + window, e);
    }
  }

  /** {@code limit} requests per {@code window}. */
  public static RateLimit of(int limit, Duration window) {
    return new RateLimit(limit, window);
  }

  /** The recorded Mimecast value: 800 requests, refilled over one minute. */
  public static RateLimit defaults() {
    return new RateLimit(800, Duration.ofMinutes(1));
  }
}
