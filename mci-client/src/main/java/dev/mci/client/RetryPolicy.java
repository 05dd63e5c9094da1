package dev.mci.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before each retry: capped exponential backoff with downward jitter, never less
 * than the wait the server asked for. Which failures are retried is fixed by the transport (read
 * operations only; connection failures, 429, 5xx and retryable function errors).
 *
 * <p>The n-th retry waits {@code min(maxBackoff, initialBackoff * 2^(n-1)) * (1 - jitter * r)},
 * where {@code r} in [0, 1) comes from the jitter source, and at least the server's wait. With the
 * defaults (1 s, 30 s cap, jitter 0.25) the undisturbed sequence is 1 s, 2 s, 4 s, 8 s, 16 s, 30 s.
 *
 * <p>Immutable and thread-safe if the jitter source is.
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double jitter;
  private final DoubleSupplier jitterSource;

  private RetryPolicy(Builder builder) {
    this.maxRetries = builder.maxRetries;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.jitter = builder.jitter;
    this.jitterSource = builder.jitterSource;
  }

  /** Three retries, 1 s initial backoff, 30 s cap, up to 25 % random reduction. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** A policy that never retries. */
  public static RetryPolicy none() {
    return builder().maxRetries(0).build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Retries allowed after the first attempt. */
  public int maxRetries() {
    return maxRetries;
  }

  /** This policy with another number of retries. */
  public RetryPolicy withMaxRetries(int retries) {
    return toBuilder().maxRetries(retries).build();
  }

  /** A builder holding this policy's settings. */
  public Builder toBuilder() {
    return new Builder()
        .maxRetries(maxRetries)
        .initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff)
        .jitter(jitter)
        .jitterSource(jitterSource);
  }

  /**
   * The computed backoff before retry number {@code retry} (1 for the first retry), jitter applied.
   */
  public Duration backoff(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
    }
    // Doubling in floating point cannot overflow; the cap keeps the result small.
    double nanos = initialBackoff.toNanos() * Math.pow(2, retry - 1);
    double capped = Math.min(nanos, maxBackoff.toNanos());
    double random = Math.min(Math.max(jitterSource.getAsDouble(), 0.0), 1.0);
    long jittered = Math.round(capped * (1.0 - jitter * random));
    return Duration.ofMillis(Duration.ofNanos(jittered).toMillis());
  }

  /**
   * The wait before retry number {@code retry}: the backoff, or the server's wait when longer.
   *
   * @param serverWait what the server asked for ({@code X-RateLimit-Reset}, {@code Retry-After})
   */
  public Duration delay(int retry, Optional<Duration> serverWait) {
    Duration backoff = backoff(retry);
    return serverWait.filter(wait -> wait.compareTo(backoff) > 0).orElse(backoff);
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxRetries="
        + maxRetries
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", jitter="
        + jitter
        + "]";
  }

  /** Builds a {@link RetryPolicy}; every setter validates immediately. */
  public static final class Builder {
    private int maxRetries = 3;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double jitter = 0.25;
    private DoubleSupplier jitterSource = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /** Retries allowed after the first attempt; 0 disables retries. */
    public Builder maxRetries(int retries) {
      if (retries < 0) {
        throw new MimecastConfigException(
            "maxRetries must be 0 or more, got " + retries + "; use 0 to disable retries");
      }
      this.maxRetries = retries;
      return this;
    }

    /** The wait before the first retry; doubles for each further retry. */
    public Builder initialBackoff(Duration backoff) {
      this.initialBackoff = positive(backoff, "initialBackoff");
      return this;
    }

    /** The cap on the computed backoff (a longer server-requested wait is still honoured). */
    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = positive(backoff, "maxBackoff");
      return this;
    }

    /** The largest fraction (0 to 1) by which a backoff is randomly shortened. */
    public Builder jitter(double fraction) {
      if (!(fraction >= 0.0 && fraction <= 1.0)) {
        throw new MimecastConfigException("jitter must be between 0 and 1, got " + fraction);
      }
      this.jitter = fraction;
      return this;
    }

    /** Source of random values in [0, 1) for the jitter; inject a fixed one in tests. */
    public Builder jitterSource(DoubleSupplier source) {
      this.jitterSource = Objects.requireNonNull(source, "jitterSource");
      return this;
    }

    /** The policy; fails if the cap is below the initial backoff. */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new MimecastConfigException(
            "maxBackoff ("
                + maxBackoff
                + ") is shorter than initialBackoff ("
                + initialBackoff
                + "); raise maxBackoff");
      }
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration value, String name) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new MimecastConfigException(name + " must be a positive duration, got " + value);
      }
      return value;
    }
  }
}
