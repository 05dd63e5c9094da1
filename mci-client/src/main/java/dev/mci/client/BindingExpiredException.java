package dev.mci.client;

import java.util.List;

/**
 * The API 1.0 access/secret key binding has expired (HTTP 418 or {@code err_xdk_binding_expired}).
 * Retrying cannot help: create new API 1.0 keys, or move to API 2.0.
 */
public final class BindingExpiredException extends AuthenticationException {

  private static final long serialVersionUID = 1L;

  /**
   * @param endpoint the API path of the call
   * @param requestId the {@code x-mc-req-id} of the call
   * @param httpStatus the effective status
   * @param errors the errors from the body
   * @param detail the human explanation, free of secrets
   */
  public BindingExpiredException(
      String endpoint, String requestId, int httpStatus, List<ApiError> errors, String detail) {
    super(endpoint, requestId, httpStatus, errors, detail);
  }
}
