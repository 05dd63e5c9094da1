package dev.mci.client;

/** A response body the client could not understand: not JSON, or JSON of the wrong shape. */
public final class InvalidResponseException extends MimecastException {

  private static final long serialVersionUID = 1L;

  /**
   * @param endpoint the API path of the call
   * @param requestId the {@code x-mc-req-id} of the call
   * @param detail what was wrong with the body
   * @param cause the parse failure, may be null
   */
  public InvalidResponseException(
      String endpoint, String requestId, String detail, Throwable cause) {
    super(endpoint, requestId, detail, cause);
  }
}
