package dev.mci.client;

import java.util.List;

/**
 * Mimecast answered with an error: a non-2xx status, a {@code meta.status} other than 200, or a
 * {@code fail[]} entry in an HTTP 200 body. Used as is for statuses without a subclass (400, 405,
 * 409, unexpected redirects).
 */
public sealed class MimecastApiException extends MimecastException
    permits AuthenticationException,
        PermissionDeniedException,
        NotFoundException,
        RateLimitedException,
        ServerException,
        ApiFunctionException,
        DownloadUrlExpiredException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final transient List<ApiError> errors;

  /**
   * @param endpoint the API path of the call
   * @param requestId the {@code x-mc-req-id} of the call
   * @param httpStatus the effective status: the HTTP status, or {@code meta.status} when an HTTP
   *     200 body carries another value
   * @param errors the errors from the body, empty when it had none
   * @param detail the human explanation, already free of secrets
   */
  public MimecastApiException(
      String endpoint, String requestId, int httpStatus, List<ApiError> errors, String detail) {
    super(endpoint, requestId, detail, null);
    this.httpStatus = httpStatus;
    this.errors = List.copyOf(errors);
  }

  /** The effective status (see the constructor). */
  public int httpStatus() {
    return httpStatus;
  }

  /** The errors Mimecast reported, in body order; empty when the body carried none. */
  public List<ApiError> errors() {
    return errors == null ? List.of() : errors;
  }
}
