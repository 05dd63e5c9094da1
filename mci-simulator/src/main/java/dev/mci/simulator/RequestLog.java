package dev.mci.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every request the simulator received, in arrival order, so tests can prove what a client did
 * ("exactly one token refresh", "never hit a 429", "sent x-mc-req-id").
 *
 * <p>Thread-safe. {@link #all()} keeps the most recent {@value #RETAINED} requests so that long
 * benchmark runs do not grow memory without bound; {@link #count(String)} counts every request
 * since the last {@link #clear()}.
 */
public final class RequestLog {

  /** How many requests {@link #all()} retains. */
  public static final int RETAINED = 100_000;

  private final ArrayDeque<RecordedRequest> recent = new ArrayDeque<>();
  private final Map<String, Long> countsByPath = new HashMap<>();

  RequestLog() {}

  /** A snapshot of the retained requests, oldest first. */
  public synchronized List<RecordedRequest> all() {
    return List.copyOf(new ArrayList<>(recent));
  }

  /** Number of requests received on exactly this path (e.g. {@code "/oauth/token"}). */
  public synchronized long count(String path) {
    return countsByPath.getOrDefault(path, 0L);
  }

  /** Forgets everything recorded so far. */
  public synchronized void clear() {
    recent.clear();
    countsByPath.clear();
  }

  synchronized void record(RecordedRequest request) {
    if (recent.size() == RETAINED) {
      recent.removeFirst();
    }
    recent.addLast(request);
    countsByPath.merge(request.path(), 1L, Long::sum);
  }
}
