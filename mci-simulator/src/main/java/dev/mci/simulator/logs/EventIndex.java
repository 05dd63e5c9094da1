package dev.mci.simulator.logs;

import dev.mci.simulator.tenant.IndexRange;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * The events of one log kind in time order, so that a window and a page can be answered without
 * generating the whole history on every request. Events are derived from messages; each event is a
 * time and a {@code long} key from which the handler regenerates it ({@link #key}). The index is
 * built one UTC day at a time, on first use, from only the messages that can produce events on that
 * day (the source declares how long after its message an event can happen), and days are kept:
 * deterministic facts, memoised, so memory grows with the natural event count (small) and never
 * with the request count. Thread-safe.
 */
final class EventIndex {

  private static final long DAY = 86_400;

  /** Receives the events of one message. */
  @FunctionalInterface
  interface Sink {
    /** One event at {@code at} identified by {@code key}. */
    void add(Instant at, long key);
  }

  /** Emits the events a message gives rise to. */
  @FunctionalInterface
  interface Source {
    /** Calls {@code sink} once per event of {@code message}. */
    void emit(Message message, Sink sink);
  }

  /**
   * How long after its message an event can happen: between {@code min} and {@code max}.
   *
   * @param min shortest delay
   * @param max longest delay
   */
  record Lag(Duration min, Duration max) {
    static Lag upTo(Duration max) {
      return new Lag(Duration.ZERO, max);
    }
  }

  /** Matching events in ascending (time, key) order. */
  static final class Events {
    private final long[] seconds;
    private final long[] keys;
    private final int size;

    Events(long[] seconds, long[] keys, int size) {
      this.seconds = seconds;
      this.keys = keys;
      this.size = size;
    }

    int size() {
      return size;
    }

    long second(int i) {
      return seconds[i];
    }

    long key(int i) {
      return keys[i];
    }
  }

  private record Day(long[] seconds, long[] keys) {}

  private final Tenant tenant;
  private final List<Lag> lags;
  private final Source source;
  private final Map<Long, Day> days = new ConcurrentHashMap<>();

  EventIndex(Tenant tenant, List<Lag> lags, Source source) {
    this.tenant = tenant;
    this.lags = List.copyOf(lags);
    this.source = source;
  }

  /**
   * The key of an event: the message, the recipient's position, the item's position (link,
   * attachment) and eight bits of flags a handler filters on without regenerating the event.
   */
  static long key(long messageIndex, int recipient, int item, int flags) {
    return messageIndex << 24 | (long) (recipient & 0xFF) << 16 | (item & 0xFF) << 8 | flags & 0xFF;
  }

  static long messageIndex(long key) {
    return key >>> 24;
  }

  static int recipient(long key) {
    return (int) (key >>> 16) & 0xFF;
  }

  static int item(long key) {
    return (int) (key >>> 8) & 0xFF;
  }

  static int flags(long key) {
    return (int) key & 0xFF;
  }

  /** The events with a time in {@code [from, to]} whose key passes {@code filter}, ascending. */
  Events between(Instant from, Instant to, LongPredicate filter) {
    // Nothing happens before the history starts or at or after "now".
    long first = Math.max(from.getEpochSecond(), tenant.messagesFrom().getEpochSecond());
    long last = Math.min(to.getEpochSecond(), tenant.now().getEpochSecond() - 1);
    long[] seconds = new long[16];
    long[] keys = new long[16];
    int size = 0;
    for (long day = Math.floorDiv(first, DAY);
        first <= last && day <= Math.floorDiv(last, DAY);
        day++) {
      Day d = days.computeIfAbsent(day, this::build);
      int i = lowerBound(d.seconds(), first);
      for (; i < d.seconds().length && d.seconds()[i] <= last; i++) {
        if (!filter.test(d.keys()[i])) {
          continue;
        }
        if (size == seconds.length) {
          seconds = Arrays.copyOf(seconds, size * 2);
          keys = Arrays.copyOf(keys, size * 2);
        }
        seconds[size] = d.seconds()[i];
        keys[size] = d.keys()[i];
        size++;
      }
    }
    return new Events(seconds, keys, size);
  }

  private Day build(long day) {
    long start = day * DAY;
    long end = start + DAY;
    List<long[]> found = new ArrayList<>();
    for (IndexRange range : candidates(start, end)) {
      for (long i = range.from(); i < range.to(); i++) {
        source.emit(
            tenant.message(i),
            (at, key) -> {
              long second = at.getEpochSecond();
              if (second >= start && second < end && at.isBefore(tenant.now())) {
                found.add(new long[] {second, key});
              }
            });
      }
    }
    found.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
    long[] seconds = new long[found.size()];
    long[] keys = new long[found.size()];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = found.get(i)[0];
      keys[i] = found.get(i)[1];
    }
    return new Day(seconds, keys);
  }

  /** Message index ranges that can produce events in {@code [start, end)}, merged. */
  private List<IndexRange> candidates(long start, long end) {
    List<IndexRange> ranges = new ArrayList<>();
    for (Lag lag : lags) {
      IndexRange range =
          tenant.indexRange(
              Instant.ofEpochSecond(start).minus(lag.max()),
              Instant.ofEpochSecond(end - 1).minus(lag.min()));
      if (!range.isEmpty()) {
        ranges.add(range);
      }
    }
    ranges.sort(Comparator.comparingLong(IndexRange::from));
    List<IndexRange> merged = new ArrayList<>();
    for (IndexRange range : ranges) {
      IndexRange previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (previous != null && range.from() <= previous.to()) {
        merged.set(
            merged.size() - 1,
            new IndexRange(previous.from(), Math.max(previous.to(), range.to())));
      } else {
        merged.add(range);
      }
    }
    return merged;
  }

  private static int lowerBound(long[] sorted, long value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
