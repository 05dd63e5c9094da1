package dev.mci.simulator.awareness;

/**
 * Deterministic draws for the awareness data: a SplitMix64 stream keyed by (seed, salt, index), so
 * every value is a pure function of the tenant seed and never changes between JDKs or calls. Not
 * thread-safe; create one per use.
 */
final class Draws {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long state;

  private Draws(long state) {
    this.state = state;
  }

  static Draws of(long seed, long salt, long index) {
    long h = finish(seed + GOLDEN);
    h = finish(h ^ (salt + 2 * GOLDEN));
    return new Draws(finish(h ^ (index + 3 * GOLDEN)));
  }

  /** Uniform in {@code [0, 1)}. */
  double nextDouble() {
    state += GOLDEN;
    return (finish(state) >>> 11) * 0x1.0p-53;
  }

  boolean chance(double probability) {
    return nextDouble() < probability;
  }

  /** Uniform in {@code [from, to]}. */
  long between(long from, long to) {
    return from + (long) Math.floor(nextDouble() * (to - from + 1));
  }

  private static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
