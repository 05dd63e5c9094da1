package dev.mci.client;

import java.util.List;

/**
 * Credentials were rejected: HTTP 401, API 1.0 400 "0001", a refused API 2.0 token or client
 * secret, {@code err_developer_key} or an invalid signature.
 */
public sealed class AuthenticationException extends MimecastApiException
    permits BindingExpiredException {

  private static final long serialVersionUID = 1L;

  /**
   * @param endpoint the API path of the call
   * @param requestId the {@code x-mc-req-id} of the call
   * @param httpStatus the effective status
   * @param errors the errors from the body
   * @param detail the human explanation, free of secrets
   */
  public AuthenticationException(
      String endpoint, String requestId, int httpStatus, List<ApiError> errors, String detail) {
    super(endpoint, requestId, httpStatus, errors, detail);
  }
}
