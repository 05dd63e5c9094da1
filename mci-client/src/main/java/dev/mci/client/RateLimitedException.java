package dev.mci.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** HTTP 429 that persisted after the allowed retries; {@link #reset()} says how long to wait. */
public final class RateLimitedException extends MimecastApiException {

  private static final long serialVersionUID = 1L;

  private final Duration reset;

  /**
   * @param endpoint the API path of the call
   * @param requestId the {@code x-mc-req-id} of the call
   * @param httpStatus the effective status (429)
   * @param errors the errors from the body
   * @param detail the human explanation, free of secrets
   * @param reset the wait the server asked for ({@code X-RateLimit-Reset} or {@code Retry-After}),
   *     null when it gave none
   */
  public RateLimitedException(
      String endpoint,
      String requestId,
      int httpStatus,
      List<ApiError> errors,
      String detail,
      Duration reset) {
    super(endpoint, requestId, httpStatus, errors, detail);
    this.reset = reset;
  }

  /** How long the server asked callers to wait before the next request, if it said. */
  public Optional<Duration> reset() {
    return Optional.ofNullable(reset);
  }
}
