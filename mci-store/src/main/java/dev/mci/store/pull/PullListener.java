package dev.mci.store.pull;

/** Receives what a pull does, for progress displays. Called on the pulling thread. */
public interface PullListener {

  /** After every committed file or page. */
  default void progress(PullProgress progress) {}

  /** Something went wrong but the pull goes on (a quarantined file, a reset cursor, a retry). */
  default void warning(String stream, String message) {}

  /** A listener that ignores everything. */
  static PullListener none() {
    return new PullListener() {};
  }
}
