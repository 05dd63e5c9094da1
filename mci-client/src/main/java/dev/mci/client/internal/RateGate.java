package dev.mci.client.internal;

import dev.mci.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds callers while the rate-limit bucket of one credential is empty. Mimecast counts requests
 * per API 1.0 user and per API 2.0 application, so there is one gate per credential for the whole
 * JVM, shared by every client that uses it.
 *
 * <p>While the last answer said the bucket is empty, callers pass one per refill interval (the
 * server's wait) rather than all together when the wait ends: a crowd of concurrent callers let
 * through at once would meet a wall of 429s and spend its retries on them.
 */
public final class RateGate {

  private static final Logger LOG = LoggerFactory.getLogger(RateGate.class);
  private static final Map<String, RateGate> GATES = new ConcurrentHashMap<>();

  /** The longest pacing interval; a longer server wait still closes the gate for all of it. */
  private static final Duration MAX_PACE = Duration.ofSeconds(60);

  private final String name;
  private final AtomicReference<Instant> closedUntil = new AtomicReference<>(Instant.MIN);
  private final AtomicReference<Instant> pacedUntil = new AtomicReference<>(Instant.MIN);

  /** The refill interval while the bucket is known to be empty; zero otherwise. */
  private volatile Duration pace = Duration.ZERO;

  private RateGate(String name) {
    this.name = name;
  }

  /**
   * The gate for a credential key, e.g. {@code oauth:<clientId>} or {@code hmac:<accessKey>}. The
   * key must not be a secret: it appears in logs.
   */
  public static RateGate forCredential(String key) {
    return GATES.computeIfAbsent(key, RateGate::new);
  }

  /**
   * Waits until the gate is open and, while the bucket is empty, until this caller's turn. A
   * deadline is waited for at most once, so a clock that does not move (in tests) cannot make this
   * spin; a later deadline set meanwhile is waited for too.
   */
  public void acquire(Clock clock, Sleeper sleeper) throws InterruptedException {
    Instant waitedFor = null;
    while (true) {
      Duration interval = pace;
      Instant turn = pacedUntil.get();
      Instant closed = closedUntil.get();
      Instant until = !interval.isZero() && turn.isAfter(closed) ? turn : closed;
      Instant now = clock.instant();
      if (now.isBefore(until) && !until.equals(waitedFor)) {
        Duration wait = Duration.between(now, until);
        LOG.debug("rate limit of {} reached; waiting {} ms", name, wait.toMillis());
        sleeper.sleep(wait);
        waitedFor = until;
        continue;
      }
      if (interval.isZero()) {
        return;
      }
      // Take the next turn: the caller after this one waits one more interval.
      Instant from = now.isBefore(until) ? until : now;
      if (pacedUntil.compareAndSet(turn, from.plus(interval))) {
        return;
      }
    }
  }

  /** Closes the gate for {@code wait} from {@code now}, unless it is already closed for longer. */
  private void closeFor(Duration wait, Instant now) {
    if (wait.isNegative() || wait.isZero()) {
      return;
    }
    Instant until = now.plus(wait);
    closedUntil.accumulateAndGet(
        until, (current, proposed) -> current.isAfter(proposed) ? current : proposed);
  }

  /**
   * Feeds the gate from one response: an empty bucket or a 429 closes it for the server's wait and
   * paces callers by that wait; any other answer ends the pacing.
   */
  public void observe(int httpStatus, RateLimitHeaders headers, Instant now) {
    if (httpStatus == 429 || headers.exhausted()) {
      headers
          .serverWait()
          .ifPresent(
              wait -> {
                closeFor(wait, now);
                if (!wait.isZero() && !wait.isNegative()) {
                  pace = wait.compareTo(MAX_PACE) > 0 ? MAX_PACE : wait;
                }
              });
    } else {
      pace = Duration.ZERO;
    }
  }
}
