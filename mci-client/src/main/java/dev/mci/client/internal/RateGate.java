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
 */
public final class RateGate {

  private static final Logger LOG = LoggerFactory.getLogger(RateGate.class);
  private static final Map<String, RateGate> GATES = new ConcurrentHashMap<>();

  private final String name;
  private final AtomicReference<Instant> closedUntil = new AtomicReference<>(Instant.MIN);

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
   * Waits until the gate is open. A deadline is waited for at most once, so a clock that does not
   * move (in tests) cannot make this spin; a later deadline set meanwhile is waited for too.
   */
  public void acquire(Clock clock, Sleeper sleeper) throws InterruptedException {
    Instant waitedFor = null;
    while (true) {
      Instant until = closedUntil.get();
      Instant now = clock.instant();
      if (!now.isBefore(until) || until.equals(waitedFor)) {
        return;
      }
      Duration wait = Duration.between(now, until);
      LOG.debug("rate limit of {} reached; waiting {} ms", name, wait.toMillis());
      sleeper.sleep(wait);
      waitedFor = until;
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

  /** Feeds the gate from one response: an empty bucket or a 429 closes it for the server's wait. */
  public void observe(int httpStatus, RateLimitHeaders headers, Instant now) {
    if (httpStatus == 429 || headers.exhausted()) {
      headers.serverWait().ifPresent(wait -> closeFor(wait, now));
    }
  }
}
