package dev.mci.simulator.tenant;

import java.time.Duration;
import java.time.Instant;

/**
 * Maps message indexes to receive times. The 90 days before "now" are cut into one slot per message
 * and each message falls at a seeded second inside its own slot, so times strictly increase with
 * the index and a time window maps to an index range by binary search. One slot holds the planted
 * scenario message at its fixed time.
 */
final class Timeline {

  static final Duration SPAN = Duration.ofDays(90);

  private static final long SALT_TIME = 0x7133L;

  private final long seed;
  private final long startSecond;
  private final long spanSeconds;
  private final long count;
  private final long scenarioIndex;
  private final long scenarioSecond;

  Timeline(long seed, Instant now, long count, Instant scenarioTime) {
    this.seed = seed;
    this.startSecond = now.minus(SPAN).getEpochSecond();
    this.spanSeconds = SPAN.getSeconds();
    this.count = count;
    this.scenarioSecond = scenarioTime.getEpochSecond();
    this.scenarioIndex = slotOf(scenarioSecond);
  }

  Instant start() {
    return Instant.ofEpochSecond(startSecond);
  }

  long scenarioIndex() {
    return scenarioIndex;
  }

  Instant timeOf(long index) {
    return Instant.ofEpochSecond(secondOf(index));
  }

  long secondOf(long index) {
    if (index == scenarioIndex) {
      return scenarioSecond;
    }
    long from = slotStart(index);
    long length = Math.max(1, slotStart(index + 1) - from);
    return from + Math.floorMod(Rng.mix(seed, SALT_TIME, index), length);
  }

  /** The first index whose time is at or after {@code second}; {@code count} when none. */
  long firstAtOrAfter(long second) {
    long lo = 0;
    long hi = count;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (secondOf(mid) < second) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private long slotStart(long index) {
    return startSecond + Math.floorDiv(index * spanSeconds, count);
  }

  private long slotOf(long second) {
    long index = Math.floorDiv((second - startSecond) * count, spanSeconds);
    index = Math.max(0, Math.min(count - 1, index));
    while (index > 0 && slotStart(index) > second) {
      index--;
    }
    while (index < count - 1 && slotStart(index + 1) <= second) {
      index++;
    }
    return index;
  }
}
