package dev.mci.simulator;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-test fault script: each queued fault applies once, to the next request on exactly that path
 * (on either listener), in the order queued. Thread-safe.
 */
public final class ScriptedFaults {

  private final Map<String, ArrayDeque<ScriptedFault>> byPath = new HashMap<>();

  ScriptedFaults() {}

  /**
   * Queues {@code fault} for the next request on {@code path}, e.g. {@code
   * "/api/message-finder/search"} or {@code "/oauth/token"}.
   */
  public synchronized void enqueue(String path, ScriptedFault fault) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(fault, "fault");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', was " + path);
    }
    byPath.computeIfAbsent(path, p -> new ArrayDeque<>()).addLast(fault);
  }

  /** Number of faults still waiting for a request on {@code path}. */
  public synchronized int pending(String path) {
    ArrayDeque<ScriptedFault> queue = byPath.get(path);
    return queue == null ? 0 : queue.size();
  }

  /** Drops every queued fault. */
  public synchronized void clear() {
    byPath.clear();
  }

  synchronized Optional<ScriptedFault> take(String path) {
    ArrayDeque<ScriptedFault> queue = byPath.get(path);
    if (queue == null) {
      return Optional.empty();
    }
    ScriptedFault next = queue.pollFirst();
    if (queue.isEmpty()) {
      byPath.remove(path);
    }
    return Optional.ofNullable(next);
  }
}
