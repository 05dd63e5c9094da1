package dev.mci.investigate.engine;

/**
 * The last API call on the current thread's path of calls that had to wait for one another, so that
 * the {@link AuditTrail} can give every call its place on the longest such chain ({@link
 * AuditEntry#chain()}). A call follows the previous call of the same step code path; a step starts
 * after the deepest call of the steps it needs; {@link StepContext#forEach} items all start after
 * the call that preceded the {@code forEach}, and the code after it follows the deepest of them.
 */
final class CallChain {

  /**
   * A call on a chain.
   *
   * @param trail the {@link AuditTrail} that recorded it (links of another trail are ignored)
   * @param depth the calls on the longest chain ending with it, itself included
   */
  record Link(long trail, int depth) {}

  private static final ThreadLocal<Link> LAST = new ThreadLocal<>();

  private CallChain() {}

  /** The last call on this thread's path, or null. */
  static Link current() {
    return LAST.get();
  }

  /** Makes {@code link} (possibly null) the last call on this thread's path. */
  static void set(Link link) {
    if (link == null) {
      LAST.remove();
    } else {
      LAST.set(link);
    }
  }

  /** The deeper of two links; either may be null. */
  static Link deeper(Link a, Link b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return b.depth() > a.depth() ? b : a;
  }
}
