package dev.mci.investigate;

/**
 * Root of the errors the investigation library throws itself (API failures stay {@code
 * dev.mci.client.MimecastException}s). Unchecked, like the client's, so it passes through steps and
 * lambdas unwrapped. Messages name the problem and the fix, never a secret.
 */
public abstract sealed class InvestigationException extends RuntimeException
    permits UnrecognisedIndicatorException, AmbiguousIndicatorException, CaseException {

  private static final long serialVersionUID = 1L;

  InvestigationException(String message, Throwable cause) {
    super(message, cause);
  }
}
