package dev.mci.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Caches the API 2.0 access token. It is renewed shortly before it expires, and on demand when an
 * API call refuses it. Concurrent callers that find the token missing or stale share one fetch: the
 * first fetches while the others wait on the lock, then reuse its result.
 */
final class TokenCache {

  /** A fetched token and its lifetime as the server stated it. */
  record Fetched(String accessToken, Duration expiresIn) {}

  private record Cached(String accessToken, Instant refreshAt) {}

  // Renew this long before expiry, so a token never expires in flight (elastic renews 60 s early).
  private static final Duration RENEW_EARLY = Duration.ofSeconds(60);

  private final Supplier<Fetched> fetcher;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Cached cached;

  TokenCache(Supplier<Fetched> fetcher, Clock clock) {
    this.fetcher = fetcher;
    this.clock = clock;
  }

  /** A valid access token, fetched if there is none or it is due for renewal. */
  String token() {
    Cached current = cached;
    if (isFresh(current)) {
      return current.accessToken();
    }
    lock.lock();
    try {
      current = cached;
      if (isFresh(current)) {
        return current.accessToken();
      }
      Fetched fetched = fetcher.get();
      cached = new Cached(fetched.accessToken(), refreshAt(clock.instant(), fetched.expiresIn()));
      return fetched.accessToken();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Drops the token if it is still the one that was refused, so that the next {@link #token()}
   * fetches a new one. A token already replaced by another thread is left alone: many concurrent
   * 401s cause one fetch.
   */
  void invalidate(String refused) {
    lock.lock();
    try {
      Cached current = cached;
      if (current != null && current.accessToken().equals(refused)) {
        cached = null;
      }
    } finally {
      lock.unlock();
    }
  }

  private boolean isFresh(Cached current) {
    return current != null && clock.instant().isBefore(current.refreshAt());
  }

  /** Renew 60 s early, or half-way through for tokens that live less than two minutes. */
  static Instant refreshAt(Instant now, Duration expiresIn) {
    Duration early = RENEW_EARLY;
    if (expiresIn.compareTo(RENEW_EARLY.multipliedBy(2)) < 0) {
      early = expiresIn.dividedBy(2);
    }
    return now.plus(expiresIn).minus(early);
  }
}
