package dev.mci.client;

import java.util.List;

/**
 * The credentials are valid but lack the permission or API product (HTTP 403, {@code
 * app_forbidden}).
 */
public final class PermissionDeniedException extends MimecastApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param endpoint the API path of the call
   * @param requestId the {@code x-mc-req-id} of the call
   * @param httpStatus the effective status
   * @param errors the errors from the body
   * @param detail the human explanation, free of secrets
   */
  public PermissionDeniedException(
      String endpoint, String requestId, int httpStatus, List<ApiError> errors, String detail) {
    super(endpoint, requestId, httpStatus, errors, detail);
  }
}
