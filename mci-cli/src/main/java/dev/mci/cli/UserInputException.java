package dev.mci.cli;

/**
 * A mistake in what the user typed or configured, reported as one sentence and an exit code, never
 * as a stack trace.
 */
public class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public UserInputException(String message) {
    this(message, ExitCode.USAGE);
  }

  public UserInputException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
