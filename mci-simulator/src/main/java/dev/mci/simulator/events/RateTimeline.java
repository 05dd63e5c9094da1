package dev.mci.simulator.events;

/**
 * Spreads a feed's events evenly in time: {@code count} events per {@code spanMillis} from {@code
 * startMillis} on, without end, so the feed keeps growing as the clock moves. Event {@code i} is at
 * {@code start + floor(i * span / count)}; times never decrease with the index.
 */
record RateTimeline(long startMillis, long spanMillis, long count) {

  RateTimeline {
    if (spanMillis < 1 || count < 0) {
      throw new IllegalArgumentException("bad rate " + count + "/" + spanMillis + " ms");
    }
  }

  /** When event {@code index} happens. */
  long timeOf(long index) {
    return startMillis + muldiv(index, spanMillis, count);
  }

  /** The first index at or after {@code epochMillis}; 0 before the start. */
  long firstAtOrAfter(long epochMillis) {
    if (count == 0) {
      return 0;
    }
    long elapsed = epochMillis - startMillis;
    if (elapsed <= 0) {
      return 0;
    }
    // Smallest i with floor(i * span / count) >= elapsed, i.e. i * span >= elapsed * count.
    long product = Math.multiplyExact(elapsed, count);
    return product / spanMillis + (product % spanMillis == 0 ? 0 : 1);
  }

  private static long muldiv(long a, long b, long c) {
    if (c == 0) {
      return Long.MAX_VALUE / 4;
    }
    return Math.multiplyExact(a, b) / c;
  }
}
