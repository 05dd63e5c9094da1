package dev.mci.cli;

/**
 * The exit codes of {@code mci}: a contract for scripts, listed in the README.
 *
 * <p>Codes 0-2 follow picocli's conventions; the rest say which kind of problem stopped the run so
 * that a pipeline can react (retry later on 8 or 9, fix configuration on 4 or 5).
 */
public final class ExitCode {
  /** Everything asked for was done. */
  public static final int OK = 0;

  /** An unexpected internal error (a bug): run again with --debug and report the stack trace. */
  public static final int INTERNAL = 1;

  /** Bad command-line input: unknown option, malformed value, inverted time window. */
  public static final int USAGE = 2;

  /** The job finished but part of it failed; the output says what is missing. */
  public static final int PARTIAL = 3;

  /** Configuration problem: no credentials, malformed base URL, unreadable profile. */
  public static final int CONFIG = 4;

  /** Mimecast refused the credentials (wrong secret, expired API 1.0 binding, wrong region). */
  public static final int AUTH = 5;

  /** The credentials are valid but lack the permission or product for this call. */
  public static final int PERMISSION = 6;

  /** The thing asked for does not exist (unknown id, unknown path). */
  public static final int NOT_FOUND = 7;

  /** Still rate limited after the client's retries: try again later. */
  public static final int RATE_LIMITED = 8;

  /** Mimecast (or the network) failed: 5xx or connection errors after retries. */
  public static final int UNAVAILABLE = 9;

  /** Mimecast rejected the request itself (a function error in {@code fail[]}). */
  public static final int API_ERROR = 10;

  /** Interrupted (Ctrl-C). */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
