package dev.mci.simulator.tenant;

/**
 * A half-open range of message indexes, {@code [from, to)}.
 *
 * @param from first index in the range
 * @param to first index after the range
 */
public record IndexRange(long from, long to) {

  /** Checks {@code 0 <= from <= to}. */
  public IndexRange {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("bad range [" + from + ", " + to + ")");
    }
  }

  /** Number of indexes in the range. */
  public long size() {
    return to - from;
  }

  /** Whether the range holds no index. */
  public boolean isEmpty() {
    return from == to;
  }
}
