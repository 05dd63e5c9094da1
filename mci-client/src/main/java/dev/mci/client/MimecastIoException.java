package dev.mci.client;

/** A connection failure, timeout or interruption that persisted after the allowed retries. */
public final class MimecastIoException extends MimecastException {

  private static final long serialVersionUID = 1L;

  /**
   * @param endpoint the API path of the call
   * @param requestId the {@code x-mc-req-id} of the last attempt
   * @param detail what failed
   * @param cause the underlying I/O failure or interruption
   */
  public MimecastIoException(String endpoint, String requestId, String detail, Throwable cause) {
    super(endpoint, requestId, detail, cause);
  }
}
