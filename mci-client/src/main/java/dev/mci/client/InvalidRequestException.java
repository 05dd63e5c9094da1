package dev.mci.client;

/**
 * A request rejected by the client before any call was made, e.g. an inverted date range or a value
 * that is not a URL. The message names the offending field and how to fix it.
 */
public final class InvalidRequestException extends MimecastException {

  private static final long serialVersionUID = 1L;

  /**
   * @param endpoint the API path the request was meant for
   * @param detail the offending field, its problem and the fix
   */
  public InvalidRequestException(String endpoint, String detail) {
    super(endpoint, null, detail, null);
  }
}
