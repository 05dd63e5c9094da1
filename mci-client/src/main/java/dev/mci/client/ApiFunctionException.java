package dev.mci.client;

import java.util.List;

/**
 * HTTP 200 whose {@code fail[]} reports a function-level failure; {@link #errors()} holds each
 * error's code, message, field and retryable flag.
 */
public final class ApiFunctionException extends MimecastApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param endpoint the API path of the call
   * @param requestId the {@code x-mc-req-id} of the call
   * @param httpStatus the effective status
   * @param errors the errors from the body
   * @param detail the human explanation, free of secrets
   */
  public ApiFunctionException(
      String endpoint, String requestId, int httpStatus, List<ApiError> errors, String detail) {
    super(endpoint, requestId, httpStatus, errors, detail);
  }
}
