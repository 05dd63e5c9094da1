package dev.mci.client.internal;

import dev.mci.client.CallListener;
import dev.mci.client.Credentials;
import dev.mci.client.RetryPolicy;
import dev.mci.client.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the transport needs, validated by the client builder.
 *
 * @param baseUrl the API host, without a trailing slash
 * @param credentials the credentials
 * @param apiHttp the HTTP engine for API calls; never follows redirects, so the Authorization
 *     header cannot leak to another host
 * @param downloadHttp the HTTP engine for pre-signed download URLs; may follow redirects, as it
 *     sends none of our headers
 * @param requestTimeout the timeout of each HTTP attempt
 * @param retryPolicy waits between retries
 * @param clock time source
 * @param sleeper waits
 * @param callListener receives one record per attempt
 * @param userAgent the {@code User-Agent} header
 * @param allowWrites whether WRITE operations may be called
 */
public record TransportConfig(
    URI baseUrl,
    Credentials credentials,
    HttpClient apiHttp,
    HttpClient downloadHttp,
    Duration requestTimeout,
    RetryPolicy retryPolicy,
    Clock clock,
    Sleeper sleeper,
    CallListener callListener,
    String userAgent,
    boolean allowWrites) {

  /** Rejects nulls. */
  public TransportConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(apiHttp, "apiHttp");
    Objects.requireNonNull(downloadHttp, "downloadHttp");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(callListener, "callListener");
    Objects.requireNonNull(userAgent, "userAgent");
  }
}
