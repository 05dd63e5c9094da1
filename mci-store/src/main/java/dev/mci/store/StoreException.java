package dev.mci.store;

/**
 * A store operation failed: the database could not be opened or reached, a statement failed, or a
 * store file is unusable. Unchecked, like every MCI error; the message says what failed and, where
 * known, how to fix it, and never contains a password.
 */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a store operation failed, for callers that map it to an exit code. */
  public enum Kind {
    /** The location is malformed or names an unsupported engine. */
    CONFIGURATION,
    /** The database cannot be reached or opened (down, refused, locked, unreadable). */
    UNAVAILABLE,
    /** A statement was refused: bad SQL in a hunt, or a write on a read-only connection. */
    BAD_QUERY,
    /** Anything else. */
    FAILED
  }

  private final Kind kind;

  /** A failure of this kind. */
  public StoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** What kind of failure this is. */
  public Kind kind() {
    return kind;
  }
}
