package dev.mci.simulator.tenant;

import java.util.List;

/**
 * SplitMix64: a tiny random generator whose output is fixed forever, so a seed gives the same
 * tenant on every JDK. Not thread-safe; create one per use.
 */
final class Rng {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long state;

  Rng(long seed) {
    this.state = seed;
  }

  /** A generator for the {@code index}-th item of a stream named by {@code salt}. */
  static Rng of(long seed, long salt, long index) {
    return new Rng(mix(seed, salt, index));
  }

  /** A well-mixed 64-bit hash of the three values. */
  static long mix(long a, long b, long c) {
    long h = finish(a + GOLDEN);
    h = finish(h ^ (b + 2 * GOLDEN));
    return finish(h ^ (c + 3 * GOLDEN));
  }

  long nextLong() {
    state += GOLDEN;
    return finish(state);
  }

  /** Uniform in {@code [0, bound)}. */
  int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) Math.floorMod(nextLong(), (long) bound);
  }

  /** Uniform in {@code [from, to]}. */
  int between(int from, int to) {
    return from + nextInt(to - from + 1);
  }

  /** Uniform in {@code [0, 1)}. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  boolean chance(double probability) {
    return nextDouble() < probability;
  }

  <T> T pick(List<T> values) {
    return values.get(nextInt(values.size()));
  }

  <T> T pick(T[] values) {
    return values[nextInt(values.length)];
  }

  private static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
