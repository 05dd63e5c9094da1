package dev.mci.client;

/**
 * Receives one {@link CallRecord} per HTTP attempt (token requests and download fetches included),
 * e.g. to write a case's audit trail. Called on the calling thread; must be fast and thread-safe.
 * An exception thrown by a listener is logged and otherwise ignored.
 */
@FunctionalInterface
public interface CallListener {

  /** Called after each HTTP attempt, successful or not. */
  void onCall(CallRecord callRecord);

  /** A listener that ignores every record. */
  static CallListener none() {
    return callRecord -> {};
  }
}
