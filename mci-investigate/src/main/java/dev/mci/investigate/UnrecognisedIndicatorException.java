package dev.mci.investigate;

/** The input is not any kind of indicator MCI can investigate, or not of the type asked for. */
public final class UnrecognisedIndicatorException extends InvestigationException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong with the input and what is accepted
   */
  public UnrecognisedIndicatorException(String message) {
    super(message, null);
  }
}
