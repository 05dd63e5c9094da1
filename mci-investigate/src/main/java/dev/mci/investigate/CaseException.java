package dev.mci.investigate;

/**
 * A case folder cannot be written, found or read: an I/O failure, an unknown case id, or a {@code
 * case.json} of an unsupported schema version.
 */
public final class CaseException extends InvestigationException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming the folder or id
   * @param cause the underlying failure, may be null
   */
  public CaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
