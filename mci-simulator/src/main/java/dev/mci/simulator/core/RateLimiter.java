package dev.mci.simulator.core;

import dev.mci.simulator.RateLimit;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per caller (API 2.0 application, API 1.0 user), counted exactly in integer
 * arithmetic so a client that honours the headers never sees a 429 (reference 00 §10). Thread-safe.
 *
 * <p>{@code X-RateLimit-Reset} is the time in milliseconds until the bucket gains its next request
 * (0 when full); when the bucket is empty that is exactly the time until one more request is
 * allowed.
 */
public final class RateLimiter {

  /**
   * The state of a bucket after a request.
   *
   * @param allowed whether the request may proceed
   * @param limit bucket size ({@code X-RateLimit-Limit})
   * @param remaining requests left ({@code X-RateLimit-Remaining})
   * @param resetMillis milliseconds until the bucket gains one request ({@code X-RateLimit-Reset})
   */
  public record Decision(boolean allowed, int limit, long remaining, long resetMillis) {

    /** Adds the three {@code X-RateLimit-*} headers to {@code reply}. */
    public HttpReply applyTo(HttpReply reply) {
      return reply
          .withHeader("X-RateLimit-Limit", Integer.toString(limit))
          .withHeader("X-RateLimit-Remaining", Long.toString(remaining))
          .withHeader("X-RateLimit-Reset", Long.toString(resetMillis));
    }
  }

  private final RateLimit rateLimit;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** A limiter giving every caller this quota. */
  public RateLimiter(RateLimit rateLimit) {
    this.rateLimit = rateLimit;
  }

  /** Takes one request from {@code bucket} if there is one. */
  public Decision acquire(String bucket, Instant now) {
    return bucket(bucket).take(now, true);
  }

  /** Reports {@code bucket}'s state without taking anything. */
  public Decision peek(String bucket, Instant now) {
    return bucket(bucket).take(now, false);
  }

  private Bucket bucket(String key) {
    return buckets.computeIfAbsent(key, k -> new Bucket(rateLimit));
  }

  /**
   * Integer token bucket: one request is {@code windowNanos} units; the bucket holds {@code limit *
   * windowNanos} units and gains {@code limit} units per elapsed nanosecond.
   */
  private static final class Bucket {
    private final int limit;
    private final long unit;
    private final long capacity;
    private long level;
    private long lastNanos = Long.MIN_VALUE;

    Bucket(RateLimit rateLimit) {
      this.limit = rateLimit.limit();
      this.unit = rateLimit.window().toNanos();
      this.capacity = Math.multiplyExact(unit, (long) limit);
      this.level = capacity;
    }

    synchronized Decision take(Instant now, boolean consume) {
      long nowNanos =
          Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
      if (lastNanos == Long.MIN_VALUE) {
        lastNanos = nowNanos;
      } else if (nowNanos > lastNanos) {
        // After a whole window the bucket is full anyway; capping avoids overflow.
        long elapsed = Math.min(nowNanos - lastNanos, unit);
        level = Math.min(capacity, level + elapsed * limit);
        lastNanos = nowNanos;
      }
      boolean allowed = level >= unit;
      if (consume && allowed) {
        level -= unit;
      }
      long remaining = level / unit;
      return new Decision(consume ? allowed : true, limit, remaining, resetMillis());
    }

    private long resetMillis() {
      if (level >= capacity) {
        return 0;
      }
      long deficit = (level / unit + 1) * unit - level;
      long nanos = (deficit + limit - 1) / limit;
      return (nanos + 999_999) / 1_000_000;
    }
  }
}
