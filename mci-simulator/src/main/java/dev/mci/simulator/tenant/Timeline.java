package dev.mci.simulator.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Maps message indexes to receive times. The 90 days before "now" are cut into one slot per message
 * and each message falls at a seeded second inside its own slot, so times strictly increase with
 * the index and a time window maps to an index range by binary search. A few slots hold planted
 * messages (the scenario message and its campaign's earlier wave) at their fixed times; each lies
 * inside its own slot, so the order still holds.
 */
final class Timeline {

  static final Duration SPAN = Duration.ofDays(90);

  private static final long SALT_TIME = 0x7133L;

  private final long seed;
  private final long startSecond;
  private final long spanSeconds;
  private final long count;
  private final long scenarioIndex;
  // Planted indexes in ascending order, and the second each one is pinned to.
  private final long[] plantedIndexes;
  private final long[] plantedSeconds;

  /**
   * @param scenarioTime the planted scenario message's time
   * @param otherPlanted the times of other planted messages; no two planted times may share a slot
   */
  Timeline(long seed, Instant now, long count, Instant scenarioTime, List<Instant> otherPlanted) {
    this.seed = seed;
    this.startSecond = now.minus(SPAN).getEpochSecond();
    this.spanSeconds = SPAN.getSeconds();
    this.count = count;
    long scenarioSecond = scenarioTime.getEpochSecond();
    this.scenarioIndex = slotOf(scenarioSecond);
    int n = otherPlanted.size() + 1;
    long[][] pairs = new long[n][];
    pairs[0] = new long[] {scenarioIndex, scenarioSecond};
    for (int i = 1; i < n; i++) {
      long second = otherPlanted.get(i - 1).getEpochSecond();
      pairs[i] = new long[] {slotOf(second), second};
    }
    Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
    this.plantedIndexes = new long[n];
    this.plantedSeconds = new long[n];
    for (int i = 0; i < n; i++) {
      if (i > 0 && pairs[i][0] == pairs[i - 1][0]) {
        throw new IllegalArgumentException("two planted messages share slot " + pairs[i][0]);
      }
      plantedIndexes[i] = pairs[i][0];
      plantedSeconds[i] = pairs[i][1];
    }
  }

  Instant start() {
    return Instant.ofEpochSecond(startSecond);
  }

  long scenarioIndex() {
    return scenarioIndex;
  }

  /** The index whose slot holds the planted time {@code time}. */
  long plantedIndex(Instant time) {
    long index = slotOf(time.getEpochSecond());
    if (Arrays.binarySearch(plantedIndexes, index) < 0) {
      throw new IllegalArgumentException("not a planted time: " + time);
    }
    return index;
  }

  /** Whether {@code index} holds a planted message. */
  boolean isPlanted(long index) {
    return Arrays.binarySearch(plantedIndexes, index) >= 0;
  }

  Instant timeOf(long index) {
    return Instant.ofEpochSecond(secondOf(index));
  }

  long secondOf(long index) {
    int planted = Arrays.binarySearch(plantedIndexes, index);
    if (planted >= 0) {
      return plantedSeconds[planted];
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
