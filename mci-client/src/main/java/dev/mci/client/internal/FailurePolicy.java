package dev.mci.client.internal;

/** What a {@code fail[]} entry in an HTTP 200 body means to the caller. */
public enum FailurePolicy {
  /** Any failure throws: the right choice for single-item calls. */
  ANY_FAILURE_THROWS,
  /**
   * Batch endpoints report failures per item: item failures are returned in the envelope, and only
   * request-level failures (an authentication or permission code, or a failure not tied to an input
   * item) throw.
   */
  PER_ITEM
}
