package dev.mci.simulator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as the simulator saw it. Carries no header values other than the request id, so it
 * never holds a secret.
 *
 * @param time when the request arrived, by the simulator's clock
 * @param api which listener received it
 * @param method HTTP method, upper case
 * @param path URI path without query string
 * @param authScheme scheme of the {@code Authorization} header
 * @param requestId the {@code x-mc-req-id} header, when sent
 * @param status HTTP status returned, or {@link #NO_RESPONSE} when the connection was dropped
 */
public record RecordedRequest(
    Instant time,
    ApiGeneration api,
    String method,
    String path,
    AuthScheme authScheme,
    Optional<String> requestId,
    int status) {

  /** The status recorded when the simulator closed the connection without answering. */
  public static final int NO_RESPONSE = 0;

  /** Checks that no component is null. */
  public RecordedRequest {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(authScheme, "authScheme");
    Objects.requireNonNull(requestId, "requestId");
  }

  /** Whether the simulator dropped the connection instead of answering. */
  public boolean dropped() {
    return status == NO_RESPONSE;
  }
}
