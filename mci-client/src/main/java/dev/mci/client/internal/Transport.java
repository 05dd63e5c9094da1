package dev.mci.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.ApiError;
import dev.mci.client.ApiFunctionException;
import dev.mci.client.ApiGeneration;
import dev.mci.client.AuthenticationException;
import dev.mci.client.AutoPager;
import dev.mci.client.BindingExpiredException;
import dev.mci.client.CallRecord;
import dev.mci.client.Download;
import dev.mci.client.DownloadUrlExpiredException;
import dev.mci.client.HmacCredentials;
import dev.mci.client.InvalidResponseException;
import dev.mci.client.MimecastApiException;
import dev.mci.client.MimecastConfigException;
import dev.mci.client.MimecastException;
import dev.mci.client.MimecastIoException;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.Page;
import dev.mci.client.RateLimitedException;
import dev.mci.client.ServerException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one transport pipeline: authentication (OAuth2 bearer or HMAC signature), a fresh {@code
 * x-mc-req-id} per attempt, the rate-limit gate, retries of read operations, envelope decoding into
 * typed errors, paging and streamed downloads. API areas declare {@link Operation}s and call this
 * class; they never re-implement any of these concerns.
 *
 * <p>Thread-safe.
 */
public final class Transport {

  /** The API 2.0 token endpoint; a read for retry purposes. */
  static final Operation TOKEN = Operation.read("/oauth/token");

  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

  /**
   * Lifetime assumed when a token response has no usable {@code expires_in} (reference: ~30 min).
   */
  private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(30);

  /** A download body up to this size is checked for being a JSON envelope rather than content. */
  private static final int DOWNLOAD_SNIFF_BYTES = 64 * 1024;

  private static final Pattern FILE_NAME =
      Pattern.compile(
          "filename\\*?\\s*=\\s*(?:UTF-8'[^']*')?\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  private enum Kind {
    /** An {@code /api/...} call: authenticated, request id, rate-limited. */
    API,
    /** The OAuth token request: request id and rate limit, no Authorization header. */
    TOKEN,
    /** A pre-signed download URL: none of our headers, not rate-limited. */
    PRESIGNED
  }

  private record Request(
      Kind kind, String method, URI uri, byte[] body, String contentType, String parentRequestId) {}

  private record Attempt(
      String method, String endpoint, String requestId, int number, Instant start) {}

  private record Exchange(
      Attempt attempt, HttpResponse<InputStream> response, RateLimitHeaders limits) {
    String endpoint() {
      return attempt.endpoint();
    }

    String requestId() {
      return attempt.requestId();
    }

    int status() {
      return response.statusCode();
    }
  }

  @FunctionalInterface
  private interface Handler<R> {
    R handle(Exchange exchange) throws IOException;
  }

  /** The first step of a download: the bytes themselves, or a pre-signed URL to fetch them. */
  private sealed interface DownloadStep permits Ready, Presigned {}

  private record Ready(Download download) implements DownloadStep {}

  private record Presigned(URI url, String requestId) implements DownloadStep {}

  private final TransportConfig config;
  private final Clock clock;
  private final Redactor redactor = new Redactor();
  private final ResponseDecoder decoder;
  private final RateGate gate;
  private final TokenCache tokens;

  /** A transport for the given configuration; no network traffic until the first call. */
  public Transport(TransportConfig config) {
    this.config = config;
    this.clock = config.clock();
    if (config.credentials() instanceof OAuth2Credentials oauth) {
      redactor.addSecret(oauth.clientSecret());
      // Keyed by host too: the same id on two hosts (a simulator per test) has two quotas.
      this.gate = RateGate.forCredential("oauth:" + oauth.clientId() + "@" + config.baseUrl());
      this.tokens = new TokenCache(this::fetchToken, clock);
    } else {
      HmacCredentials hmac = (HmacCredentials) config.credentials();
      redactor.addSecret(hmac.appKey());
      redactor.addSecret(hmac.secretKey());
      this.gate = RateGate.forCredential("hmac:" + hmac.accessKey() + "@" + config.baseUrl());
      this.tokens = null;
    }
    this.decoder = new ResponseDecoder(generation(), config.baseUrl(), redactor);
  }

  /** The API generation of the credentials. */
  public ApiGeneration generation() {
    return config.credentials().generation();
  }

  /** The API host. */
  public URI baseUrl() {
    return config.baseUrl();
  }

  /** The client's clock, for areas that validate dates. */
  public Clock clock() {
    return clock;
  }

  /** Makes sure an API 2.0 access token is available (fetching one if needed); no-op on 1.0. */
  public void authenticate() {
    if (tokens != null) {
      tokens.token();
    }
  }

  /** Calls an operation with the given {@code data[]} items; any {@code fail[]} entry throws. */
  public Envelope call(Operation operation, List<? extends JsonNode> data) {
    return call(
        operation, data, OptionalInt.empty(), Optional.empty(), FailurePolicy.ANY_FAILURE_THROWS);
  }

  /**
   * Calls an operation.
   *
   * @param pageSize sent as {@code meta.pagination.pageSize}; required for paged operations
   * @param pageToken sent as {@code meta.pagination.pageToken}
   * @param policy what {@code fail[]} entries mean
   */
  public Envelope call(
      Operation operation,
      List<? extends JsonNode> data,
      OptionalInt pageSize,
      Optional<String> pageToken,
      FailurePolicy policy) {
    checkAllowed(operation);
    if (operation.paged() && pageSize.isEmpty()) {
      throw new IllegalArgumentException(operation.path() + " is paged: always send a pageSize");
    }
    Request request =
        new Request(
            Kind.API,
            "POST",
            resolve(operation.path()),
            Json.write(requestBody(data, pageSize, pageToken)),
            "application/json",
            null);
    return execute(
        operation,
        request,
        exchange ->
            decoder.envelope(
                exchange.endpoint(),
                exchange.requestId(),
                exchange.attempt().number(),
                exchange.status(),
                exchange.limits(),
                readBody(exchange),
                policy));
  }

  /**
   * A lazy pager over a paged operation; the same {@code data[]} is resent with each page token.
   *
   * @param items extracts the records of one page from its envelope
   */
  public <T> AutoPager<T> pager(
      Operation operation,
      List<? extends JsonNode> data,
      int pageSize,
      Function<Envelope, List<T>> items) {
    if (!operation.paged()) {
      throw new IllegalArgumentException(operation.path() + " is not a paged operation");
    }
    List<JsonNode> copy = List.copyOf(data);
    return AutoPager.of(
        token -> {
          Envelope envelope =
              call(
                  operation,
                  copy,
                  OptionalInt.of(pageSize),
                  token,
                  FailurePolicy.ANY_FAILURE_THROWS);
          return new Page<>(items.apply(envelope), envelope.next(), envelope.totalCount());
        });
  }

  /**
   * Fetches one page of a paged operation: the building block of a pager for areas that need to
   * look at each page's failure before it reaches the caller (e.g. to name an unknown id).
   *
   * @param pageToken the token of the page to fetch; empty for the first page
   * @param items extracts the records of the page from its envelope
   */
  public <T> Page<T> page(
      Operation operation,
      List<? extends JsonNode> data,
      int pageSize,
      Optional<String> pageToken,
      Function<Envelope, List<T>> items) {
    if (!operation.paged()) {
      throw new IllegalArgumentException(operation.path() + " is not a paged operation");
    }
    Envelope envelope =
        call(
            operation, data, OptionalInt.of(pageSize), pageToken, FailurePolicy.ANY_FAILURE_THROWS);
    return new Page<>(items.apply(envelope), envelope.next(), envelope.totalCount());
  }

  /**
   * Calls a download operation and hands the bytes over as a stream. API 1.0 answers with the
   * bytes; API 2.0 with a JSON envelope holding a pre-signed URL, which is then fetched with a
   * plain GET that carries none of our headers. A JSON envelope with {@code fail[]} throws.
   */
  public Download download(Operation operation, List<? extends JsonNode> data) {
    checkAllowed(operation);
    Request request =
        new Request(
            Kind.API,
            "POST",
            resolve(operation.path()),
            Json.write(requestBody(data, OptionalInt.empty(), Optional.empty())),
            "application/json",
            null);
    DownloadStep step = execute(operation, request, this::firstDownloadStep);
    if (step instanceof Ready ready) {
      return ready.download();
    }
    Presigned presigned = (Presigned) step;
    Request fetch =
        new Request(Kind.PRESIGNED, "GET", presigned.url(), null, null, presigned.requestId());
    return execute(operation, fetch, this::presignedDownload);
  }

  /**
   * Calls a REST-style API 2.0 resource ({@code GET}, query parameters, a JSON object answer
   * without the {@code meta}/{@code data}/{@code fail} envelope, e.g. {@code /siem/v1/...}). Auth,
   * request id, rate gate and retries are the same as for envelope calls; an error answer, or a 200
   * answer carrying {@code fail[]} or {@code error}, throws the typed exception.
   *
   * @param query parameters in order; null values are left out
   */
  public JsonNode get(Operation operation, Map<String, String> query) {
    checkAllowed(operation);
    StringBuilder uri = new StringBuilder(config.baseUrl() + operation.path());
    char separator = '?';
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      if (parameter.getValue() == null) {
        continue;
      }
      uri.append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(
              URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
      separator = '&';
    }
    Request request = new Request(Kind.API, "GET", URI.create(uri.toString()), null, null, null);
    return execute(
        operation,
        request,
        exchange -> {
          byte[] body = readBody(exchange);
          if (exchange.status() / 100 != 2) {
            throw failure(exchange, body);
          }
          JsonNode json =
              decoder.object(exchange.endpoint(), exchange.requestId(), exchange.status(), body);
          if (!ResponseDecoder.errors(json).isEmpty()) {
            throw failure(exchange, body);
          }
          return json;
        });
  }

  /**
   * Fetches a pre-signed URL a previous answer handed out (e.g. an API 2.0 SIEM batch file) with a
   * plain {@code GET} that carries none of our headers and is not rate-gated; retried like a read.
   * HTTP 403 or 404 throws {@link DownloadUrlExpiredException}: ask for a fresh URL.
   *
   * @param operation the operation that handed out the URL, for error messages and retries
   */
  public Download fetch(Operation operation, URI url) {
    String reason = BaseUrls.insecureReason(url);
    if (reason != null) {
      throw new InvalidResponseException(
          operation.path(), null, "the download URL was refused: " + reason, null);
    }
    Request fetch =
        new Request(Kind.PRESIGNED, "GET", url, null, null, UUID.randomUUID().toString());
    return execute(operation, fetch, this::presignedDownload);
  }

  /**
   * A {@code POST} whose success is either a file (any non-JSON body) or a JSON envelope, as API
   * 1.0 get-siem-logs answers: the file with its response headers, or the decoded envelope (a
   * {@code fail[]} entry throws). The caller closes the file.
   */
  public FileOrEnvelope fileOrEnvelope(Operation operation, List<? extends JsonNode> data) {
    checkAllowed(operation);
    Request request =
        new Request(
            Kind.API,
            "POST",
            resolve(operation.path()),
            Json.write(requestBody(data, OptionalInt.empty(), Optional.empty())),
            "application/json",
            null);
    return execute(
        operation,
        request,
        exchange -> {
          HttpResponse<InputStream> response = exchange.response();
          if (exchange.status() / 100 != 2) {
            throw failure(exchange, readBody(exchange));
          }
          Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
          String contentType = headers.getOrDefault("Content-Type", "");
          if (contentType.toLowerCase(Locale.ROOT).contains("json")) {
            Envelope envelope =
                decoder.envelope(
                    exchange.endpoint(),
                    exchange.requestId(),
                    exchange.attempt().number(),
                    exchange.status(),
                    exchange.limits(),
                    readBody(exchange),
                    FailurePolicy.ANY_FAILURE_THROWS);
            return new FileOrEnvelope(Optional.empty(), Optional.of(envelope), headers);
          }
          return new FileOrEnvelope(
              Optional.of(toDownload(exchange, response.body())), Optional.empty(), headers);
        });
  }

  /**
   * The answer of {@link #fileOrEnvelope}: exactly one of {@code file} and {@code envelope}.
   *
   * @param file the file, to be closed by the caller
   * @param envelope the JSON envelope
   * @param headers the response headers (first value of each), looked up case-insensitively
   */
  public record FileOrEnvelope(
      Optional<Download> file, Optional<Envelope> envelope, Map<String, String> headers) {
    /** Copies the headers. */
    public FileOrEnvelope {
      TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      copy.putAll(headers);
      headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** A response header, when present. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }
  }

  private DownloadStep firstDownloadStep(Exchange exchange) throws IOException {
    HttpResponse<InputStream> response = exchange.response();
    if (exchange.status() / 100 != 2) {
      throw failure(exchange, readBody(exchange));
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    BufferedInputStream body = new BufferedInputStream(response.body(), DOWNLOAD_SNIFF_BYTES + 1);
    // 1.0 answers bytes, or a JSON envelope when it fails; 2.0 answers an envelope with URLs.
    // Only a small JSON-typed (or untyped) body can be an envelope, so large files are never held.
    if (contentType.isEmpty() || contentType.toLowerCase(Locale.ROOT).contains("json")) {
      body.mark(DOWNLOAD_SNIFF_BYTES + 1);
      byte[] head = body.readNBytes(DOWNLOAD_SNIFF_BYTES + 1);
      if (head.length <= DOWNLOAD_SNIFF_BYTES && looksLikeEnvelope(head)) {
        body.close();
        Envelope envelope =
            decoder.envelope(
                exchange.endpoint(),
                exchange.requestId(),
                exchange.attempt().number(),
                exchange.status(),
                exchange.limits(),
                head,
                FailurePolicy.ANY_FAILURE_THROWS);
        return new Presigned(downloadUrl(envelope), exchange.requestId());
      }
      body.reset();
    }
    return new Ready(toDownload(exchange, body));
  }

  private Download presignedDownload(Exchange exchange) throws IOException {
    int status = exchange.status();
    if (status / 100 == 2) {
      return toDownload(exchange, exchange.response().body());
    }
    byte[] body = readBody(exchange);
    if (status == 403 || status == 404) {
      throw new DownloadUrlExpiredException(
          exchange.endpoint(),
          exchange.requestId(),
          status,
          List.of(),
          "HTTP "
              + status
              + " from the pre-signed download URL: it has most likely expired (they are"
              + " short-lived). Request the download again to get a fresh URL.");
    }
    throw failure(exchange, body);
  }

  /** The error a non-success answer carries; its status is the HTTP status. */
  private MimecastApiException failure(Exchange exchange, byte[] body) {
    return decoder.error(
        exchange.endpoint(),
        exchange.requestId(),
        exchange.attempt().number(),
        exchange.status(),
        exchange.status(),
        exchange.limits(),
        body);
  }

  private Download toDownload(Exchange exchange, InputStream body) {
    HttpHeaders headers = exchange.response().headers();
    OptionalLong length = headers.firstValueAsLong("Content-Length");
    return new Download(
        body,
        headers.firstValue("Content-Type").orElse(null),
        length,
        exchange.requestId(),
        exchange.endpoint(),
        headers.firstValue("Content-Disposition").flatMap(Transport::fileName));
  }

  private URI downloadUrl(Envelope envelope) {
    JsonNode first = envelope.first().orElse(null);
    String url = null;
    List<JsonNode> urls = Json.elements(first, "urls");
    if (!urls.isEmpty()) {
      url = urls.get(0).asText();
    } else if (first != null) {
      url = Json.text(first, "url");
    }
    if (url == null || url.isBlank()) {
      throw new InvalidResponseException(
          envelope.endpoint(),
          envelope.requestId(),
          "the response holds neither the file nor a download URL (data[0].urls or data[0].url)",
          null);
    }
    try {
      URI uri = new URI(url.strip());
      String reason = BaseUrls.insecureReason(uri);
      if (reason != null) {
        throw new InvalidResponseException(
            envelope.endpoint(),
            envelope.requestId(),
            "the download URL was refused: " + reason,
            null);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidResponseException(
          envelope.endpoint(), envelope.requestId(), "the download URL is not a valid URL", e);
    }
  }

  private TokenCache.Fetched fetchToken() {
    OAuth2Credentials credentials = (OAuth2Credentials) config.credentials();
    String form =
        "client_id="
            + URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(credentials.clientSecret(), StandardCharsets.UTF_8)
            + "&grant_type=client_credentials";
    Request request =
        new Request(
            Kind.TOKEN,
            "POST",
            resolve(TOKEN.path()),
            form.getBytes(StandardCharsets.UTF_8),
            "application/x-www-form-urlencoded",
            null);
    return execute(TOKEN, request, this::readToken);
  }

  private TokenCache.Fetched readToken(Exchange exchange) throws IOException {
    byte[] body = readBody(exchange);
    int status = exchange.status();
    if (status / 100 != 2) {
      throw failure(exchange, body);
    }
    JsonNode json = decoder.object(exchange.endpoint(), exchange.requestId(), status, body);
    String token = Json.text(json, "access_token");
    if (token == null || token.isBlank()) {
      if (!Json.elements(json, "fail").isEmpty()) {
        throw failure(exchange, body);
      }
      throw new InvalidResponseException(
          exchange.endpoint(),
          exchange.requestId(),
          "the token response has no access_token",
          null);
    }
    redactor.addSecret(token);
    OptionalInt expiresIn = Json.integer(json, "expires_in");
    Duration lifetime =
        expiresIn.isPresent() && expiresIn.getAsInt() > 0
            ? Duration.ofSeconds(expiresIn.getAsInt())
            : DEFAULT_TOKEN_LIFETIME;
    LOG.debug("fetched an API 2.0 access token valid for {} s", lifetime.toSeconds());
    return new TokenCache.Fetched(token, lifetime);
  }

  /** Runs one logical call: attempts, token renewal on 401, retries of reads, records. */
  private <R> R execute(Operation operation, Request request, Handler<R> handler) {
    String endpoint =
        request.kind() == Kind.PRESIGNED ? operation.path() + " (download URL)" : operation.path();
    HttpClient http = request.kind() == Kind.PRESIGNED ? config.downloadHttp() : config.apiHttp();
    int number = 0;
    int retries = 0;
    boolean tokenRenewed = false;
    while (true) {
      number++;
      String bearer = request.kind() == Kind.API && tokens != null ? tokens.token() : null;
      String requestId =
          request.kind() == Kind.PRESIGNED
              ? request.parentRequestId()
              : UUID.randomUUID().toString();
      if (request.kind() != Kind.PRESIGNED) {
        waitForGate(endpoint, requestId);
      }
      HttpRequest httpRequest = build(request, endpoint, requestId, bearer);
      Attempt attempt = new Attempt(request.method(), endpoint, requestId, number, clock.instant());
      HttpResponse<InputStream> response;
      try {
        response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        retries = retryAfterIoFailure(operation, attempt, 0, e, retries);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        report(attempt, 0, "failed: interrupted");
        throw new MimecastIoException(
            endpoint, requestId, "interrupted while waiting for the response", e);
      }
      int status = response.statusCode();
      RateLimitHeaders limits = RateLimitHeaders.from(response.headers());
      if (request.kind() != Kind.PRESIGNED) {
        gate.observe(status, limits, clock.instant());
      }
      try {
        R result = handler.handle(new Exchange(attempt, response, limits));
        report(attempt, status, "ok");
        return result;
      } catch (MimecastApiException e) {
        closeQuietly(response.body());
        if (!tokenRenewed && isRefusedToken(e, bearer)) {
          // The token may have been revoked or expired early: fetch a new one and try once more.
          tokenRenewed = true;
          tokens.invalidate(bearer);
          report(attempt, status, "retrying: access token refused, fetching a new one");
          continue;
        }
        if (isRetryable(e) && mayRetry(operation, retries)) {
          retries++;
          Optional<Duration> serverWait =
              e instanceof RateLimitedException limited ? limited.reset() : limits.serverWait();
          Duration delay = config.retryPolicy().delay(retries, serverWait);
          report(attempt, status, "retrying in " + delay.toMillis() + " ms: " + summary(e));
          sleep(delay, endpoint, requestId);
          continue;
        }
        report(attempt, status, "failed: " + summary(e));
        throw e;
      } catch (MimecastException e) {
        closeQuietly(response.body());
        report(attempt, status, "failed: " + e.getClass().getSimpleName());
        throw e;
      } catch (IOException e) {
        closeQuietly(response.body());
        retries = retryAfterIoFailure(operation, attempt, status, e, retries);
      }
    }
  }

  /** Sleeps before the next retry and returns the new retry count, or throws if none is left. */
  private int retryAfterIoFailure(
      Operation operation, Attempt attempt, int status, IOException failure, int retries) {
    String reason = describe(failure);
    if (mayRetry(operation, retries)) {
      int next = retries + 1;
      Duration delay = config.retryPolicy().delay(next, Optional.empty());
      report(attempt, status, "retrying in " + delay.toMillis() + " ms: " + reason);
      sleep(delay, attempt.endpoint(), attempt.requestId());
      return next;
    }
    report(attempt, status, "failed: " + reason);
    String after = attempt.number() > 1 ? ", after " + attempt.number() + " attempts" : "";
    String hint =
        failure instanceof HttpTimeoutException
            ? " No response within " + config.requestTimeout().toSeconds() + " s."
            : " Check the network, any proxy, and the base URL " + config.baseUrl() + ".";
    throw new MimecastIoException(
        attempt.endpoint(), attempt.requestId(), reason + after + "." + hint, failure);
  }

  private HttpRequest build(Request request, String endpoint, String requestId, String bearer) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(config.requestTimeout())
            .header("User-Agent", config.userAgent());
    if (request.kind() != Kind.PRESIGNED) {
      builder.header("Accept", "application/json").header("x-mc-req-id", requestId);
    }
    if (request.body() == null) {
      builder.GET();
    } else {
      builder
          .header("Content-Type", request.contentType())
          .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    }
    if (request.kind() == Kind.API) {
      if (bearer != null) {
        builder.header("Authorization", "Bearer " + bearer);
      } else {
        HmacCredentials hmac = (HmacCredentials) config.credentials();
        String date = HmacSigner.date(clock.instant());
        String signature =
            HmacSigner.signature(
                hmac.secretKey(), hmac.appKey(), date, requestId, request.uri().getRawPath());
        builder
            .header("Authorization", HmacSigner.authorization(hmac.accessKey(), signature))
            .header("x-mc-app-id", hmac.appId())
            .header("x-mc-date", date);
      }
    }
    HttpRequest built = builder.build();
    if (LOG.isTraceEnabled()) {
      LOG.trace("{} {} request headers {}", request.method(), endpoint, redacted(built.headers()));
    }
    return built;
  }

  private Map<String, String> redacted(HttpHeaders headers) {
    Map<String, String> shown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers
        .map()
        .forEach(
            (name, values) ->
                shown.put(name, redactor.headerValue(name, String.join(",", values))));
    return shown;
  }

  private void report(Attempt attempt, int status, String outcome) {
    Duration duration = Duration.between(attempt.start(), clock.instant());
    LOG.debug(
        "{} {} -> {} in {} ms [request id {}, attempt {}] {}",
        attempt.method(),
        attempt.endpoint(),
        status,
        duration.toMillis(),
        attempt.requestId(),
        attempt.number(),
        outcome);
    CallRecord record =
        new CallRecord(
            attempt.start(),
            attempt.endpoint(),
            attempt.requestId(),
            status,
            duration,
            attempt.number(),
            outcome);
    try {
      config.callListener().onCall(record);
    } catch (RuntimeException e) {
      LOG.warn("call listener failed for request id {}: {}", attempt.requestId(), e.toString());
    }
  }

  private void waitForGate(String endpoint, String requestId) {
    try {
      gate.acquire(clock, config.sleeper());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MimecastIoException(
          endpoint, requestId, "interrupted while waiting for the rate limit to reset", e);
    }
  }

  private void sleep(Duration delay, String endpoint, String requestId) {
    try {
      config.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MimecastIoException(endpoint, requestId, "interrupted while waiting to retry", e);
    }
  }

  private void checkAllowed(Operation operation) {
    if (!operation.isRead() && !config.allowWrites()) {
      throw new MimecastConfigException(
          operation.path(),
          "this operation changes data in the tenant and writes are off; build the client with"
              + " allowWrites(true) to allow it");
    }
  }

  private boolean isRefusedToken(MimecastApiException e, String bearer) {
    return bearer != null
        && e instanceof AuthenticationException
        && !(e instanceof BindingExpiredException)
        && e.httpStatus() == 401;
  }

  private static boolean isRetryable(MimecastApiException e) {
    return e instanceof RateLimitedException
        || e instanceof ServerException
        || (e instanceof ApiFunctionException && e.errors().stream().anyMatch(ApiError::retryable));
  }

  private boolean mayRetry(Operation operation, int retries) {
    return operation.isRead() && retries < config.retryPolicy().maxRetries();
  }

  private URI resolve(String path) {
    return URI.create(config.baseUrl() + path);
  }

  private String describe(IOException failure) {
    String message = failure.getMessage();
    String name = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + redactor.redact(message);
  }

  private static String summary(MimecastApiException e) {
    String codes =
        e.errors().stream()
            .map(ApiError::code)
            .filter(code -> !code.isEmpty())
            .reduce((a, b) -> a + "," + b)
            .map(code -> " " + code)
            .orElse("");
    return "HTTP " + e.httpStatus() + codes;
  }

  private static ObjectNode requestBody(
      List<? extends JsonNode> data, OptionalInt pageSize, Optional<String> pageToken) {
    ObjectNode root = Json.object();
    if (pageSize.isPresent() || pageToken.isPresent()) {
      ObjectNode pagination = root.putObject("meta").putObject("pagination");
      pageSize.ifPresent(size -> pagination.put("pageSize", size));
      pageToken.ifPresent(token -> pagination.put("pageToken", token));
    }
    ArrayNode items = root.putArray("data");
    data.forEach(items::add);
    return root;
  }

  private static byte[] readBody(Exchange exchange) throws IOException {
    try (InputStream body = exchange.response().body()) {
      return body.readAllBytes();
    }
  }

  private static boolean looksLikeEnvelope(byte[] head) {
    try {
      Optional<JsonNode> json = Json.parse(head);
      return json.isPresent()
          && json.get().isObject()
          && (json.get().has("meta") || json.get().has("fail") || json.get().has("data"));
    } catch (IOException notJson) {
      return false;
    }
  }

  /** The file name of a {@code Content-Disposition} header, reduced to its last path segment. */
  static Optional<String> fileName(String contentDisposition) {
    Matcher matcher = FILE_NAME.matcher(contentDisposition);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String name = matcher.group(1).strip();
    if (contentDisposition.toLowerCase(Locale.ROOT).contains("filename*")) {
      name = URLDecoder.decode(name, StandardCharsets.UTF_8);
    }
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("\\p{Cntrl}", "");
    return name.isBlank() ? Optional.empty() : Optional.of(name);
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException ignored) {
      // The attempt already failed; a close failure adds nothing.
    }
  }
}
