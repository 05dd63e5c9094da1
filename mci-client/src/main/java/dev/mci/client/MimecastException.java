package dev.mci.client;

import java.util.Objects;
import java.util.Optional;

/**
 * Root of every error the MCI client throws. All errors are unchecked so that they pass through
 * {@link AutoPager} iteration, streams and lambdas without being wrapped.
 *
 * <p>Every message names the endpoint and the {@code x-mc-req-id} of the failing call (or says that
 * no request was sent), and never contains a secret.
 *
 * <table>
 *   <caption>Which error means what</caption>
 *   <tr><th>type</th><th>when</th></tr>
 *   <tr><td>{@link MimecastConfigException}</td><td>bad builder input</td></tr>
 *   <tr><td>{@link InvalidRequestException}</td><td>request rejected by the client before any call</td></tr>
 *   <tr><td>{@link MimecastIoException}</td><td>connection failure or timeout after retries</td></tr>
 *   <tr><td>{@link InvalidResponseException}</td><td>a body the client cannot understand</td></tr>
 *   <tr><td>{@link MimecastApiException} and subclasses</td><td>Mimecast answered with an error</td></tr>
 * </table>
 */
public abstract sealed class MimecastException extends RuntimeException
    permits MimecastConfigException,
        InvalidRequestException,
        MimecastIoException,
        InvalidResponseException,
        MimecastApiException {

  private static final long serialVersionUID = 1L;

  private final String endpoint;
  private final String requestId;

  /**
   * @param endpoint the API path (or another name for what failed), never null
   * @param requestId the {@code x-mc-req-id} of the failing call, null when nothing was sent
   * @param detail what went wrong and, where known, how to fix it; must not contain secrets
   * @param cause the underlying failure, may be null
   */
  MimecastException(String endpoint, String requestId, String detail, Throwable cause) {
    super(compose(endpoint, requestId, detail), cause);
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.requestId = requestId;
  }

  private static String compose(String endpoint, String requestId, String detail) {
    String id = requestId == null ? "none, no request was sent" : requestId;
    return endpoint + ": " + detail + " [request id: " + id + "]";
  }

  /** The API path of the failing call, e.g. {@code /api/message-finder/search}. */
  public String endpoint() {
    return endpoint;
  }

  /** The {@code x-mc-req-id} sent with the failing call; empty when no request was sent. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
