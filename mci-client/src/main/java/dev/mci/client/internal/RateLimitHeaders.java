package dev.mci.client.internal;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rate-limit headers of one response. {@code X-RateLimit-Reset} is a duration in milliseconds
 * (not a timestamp); {@code Retry-After} is in seconds (reference 00 §10).
 *
 * @param remaining {@code X-RateLimit-Remaining}
 * @param reset {@code X-RateLimit-Reset} as a duration
 * @param retryAfter {@code Retry-After} as a duration
 */
public record RateLimitHeaders(
    OptionalLong remaining, Optional<Duration> reset, Optional<Duration> retryAfter) {

  /** Reads the headers, ignoring values that are not whole non-negative numbers. */
  public static RateLimitHeaders from(HttpHeaders headers) {
    OptionalLong remaining = number(headers, "X-RateLimit-Remaining");
    OptionalLong resetMillis = number(headers, "X-RateLimit-Reset");
    OptionalLong retrySeconds = number(headers, "Retry-After");
    return new RateLimitHeaders(
        remaining,
        resetMillis.isPresent()
            ? Optional.of(Duration.ofMillis(resetMillis.getAsLong()))
            : Optional.empty(),
        retrySeconds.isPresent()
            ? Optional.of(Duration.ofSeconds(retrySeconds.getAsLong()))
            : Optional.empty());
  }

  /** The longest wait the server asked for, if any. */
  public Optional<Duration> serverWait() {
    if (reset.isEmpty()) {
      return retryAfter;
    }
    if (retryAfter.isEmpty()) {
      return reset;
    }
    return Optional.of(
        reset.get().compareTo(retryAfter.get()) >= 0 ? reset.get() : retryAfter.get());
  }

  /** Whether the bucket is empty. */
  public boolean exhausted() {
    return remaining.isPresent() && remaining.getAsLong() <= 0;
  }

  private static OptionalLong number(HttpHeaders headers, String name) {
    Optional<String> value = headers.firstValue(name);
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long parsed = Long.parseLong(value.get().strip());
      return parsed < 0 ? OptionalLong.empty() : OptionalLong.of(parsed);
    } catch (NumberFormatException notANumber) {
      return OptionalLong.empty();
    }
  }
}
