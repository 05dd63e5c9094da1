package dev.mci.client;

import java.util.List;

/**
 * A pre-signed API 2.0 download URL was refused (HTTP 403 or 404), almost always because it
 * expired: request the download again to get a fresh URL.
 */
public final class DownloadUrlExpiredException extends MimecastApiException {

  private static final long serialVersionUID = 1L;

  /**
   * @param endpoint the API path of the call
   * @param requestId the {@code x-mc-req-id} of the call
   * @param httpStatus the effective status
   * @param errors the errors from the body
   * @param detail the human explanation, free of secrets
   */
  public DownloadUrlExpiredException(
      String endpoint, String requestId, int httpStatus, List<ApiError> errors, String detail) {
    super(endpoint, requestId, httpStatus, errors, detail);
  }
}
