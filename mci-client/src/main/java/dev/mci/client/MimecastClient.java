package dev.mci.client;

import dev.mci.client.awareness.AwarenessApi;
import dev.mci.client.events.EventsApi;
import dev.mci.client.groups.GroupsApi;
import dev.mci.client.hashes.HashesApi;
import dev.mci.client.incidents.IncidentsApi;
import dev.mci.client.internal.BaseUrls;
import dev.mci.client.internal.Transport;
import dev.mci.client.internal.TransportConfig;
import dev.mci.client.logs.LogsApi;
import dev.mci.client.messages.MessagesApi;
import dev.mci.client.policies.PoliciesApi;
import dev.mci.client.urls.UrlsApi;
import java.lang.reflect.Method;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The Mimecast API client: one instance per tenant and credential, built once with {@link
 * #builder()} and shared. Immutable and thread-safe; it owns the HTTP connections and the token
 * cache, and shares the rate-limit state of its credential with every other client in the JVM.
 *
 * <pre>{@code
 * try (MimecastClient client = MimecastClient.builder()
 *     .region(MimecastRegion.GLOBAL)
 *     .credentials(new OAuth2Credentials(clientId, clientSecret))
 *     .build()) {
 *   List<TrackedEmail> rows = client.messages().search(query);
 * }
 * }</pre>
 *
 * <p>Every failure is a {@link MimecastException}; see its table.
 */
public final class MimecastClient implements AutoCloseable {

  private final Transport transport;
  private final MessagesApi messages;
  private final UrlsApi urls;
  private final HashesApi hashes;
  private final IncidentsApi incidents;
  private final LogsApi logs;
  private final AccountApi account;
  private final AwarenessApi awareness;
  private final GroupsApi groups;
  private final PoliciesApi policies;
  private final EventsApi events;
  private final List<HttpClient> ownedClients;
  private final ExecutorService ownedExecutor;

  private MimecastClient(
      Transport transport, List<HttpClient> ownedClients, ExecutorService ownedExecutor) {
    this.transport = transport;
    this.messages = new MessagesApi(transport);
    this.urls = new UrlsApi(transport);
    this.hashes = new HashesApi(transport);
    this.incidents = new IncidentsApi(transport);
    this.logs = new LogsApi(transport);
    this.account = new AccountApi(transport);
    this.awareness = new AwarenessApi(transport);
    this.groups = new GroupsApi(transport);
    this.policies = new PoliciesApi(transport, groups);
    this.events = new EventsApi(transport);
    this.ownedClients = ownedClients;
    this.ownedExecutor = ownedExecutor;
  }

  /** A builder with the defaults: 3 retries, 10 s connect timeout, 60 s request timeout. */
  public static Builder builder() {
    return new Builder();
  }

  /** Message Finder, archive search and listing, message detail, parts and attachments. */
  public MessagesApi messages() {
    return messages;
  }

  /** URL Protect calls: decode-url and the managed URL list. */
  public UrlsApi urls() {
    return urls;
  }

  /** File-hash search: has the account seen these SHA-256 hashes? */
  public HashesApi hashes() {
    return hashes;
  }

  /** Threat Remediation incidents. */
  public IncidentsApi incidents() {
    return incidents;
  }

  /** URL, impersonation and attachment protection logs, release and rejection logs, held list. */
  public LogsApi logs() {
    return logs;
  }

  /** Account calls (get-account). */
  public AccountApi account() {
    return account;
  }

  /** Awareness Training: SAFE scores, performance, phishing simulations, training, watchlist. */
  public AwarenessApi awareness() {
    return awareness;
  }

  /** Directory groups and their members. */
  public GroupsApi groups() {
    return groups;
  }

  /** Blocked Senders policies and the explainer of why mail was or was not blocked. */
  public PoliciesApi policies() {
    return policies;
  }

  /** SIEM event streaming (batch files, streaming pages, API 1.0 log files) and audit events. */
  public EventsApi events() {
    return events;
  }

  /** The API generation of the configured credentials. */
  public ApiGeneration generation() {
    return transport.generation();
  }

  /** The API host this client calls. */
  public URI baseUrl() {
    return transport.baseUrl();
  }

  /**
   * Proves that the credentials work against the base URL: on API 2.0 fetches a token and then
   * calls get-account; on API 1.0 makes a signed get-account call.
   *
   * @throws AuthenticationException with a plain-words explanation of the likely region or
   *     generation mistake when the credentials are refused
   */
  public CredentialCheck checkCredentials() {
    transport.authenticate();
    AccountInfo info = account.get();
    return new CredentialCheck(
        generation(), baseUrl(), info.accountCode(), info.accountName(), info.region());
  }

  /** The transport, for tests in this package that exercise operations no area declares yet. */
  Transport transport() {
    return transport;
  }

  /**
   * Releases the HTTP resources the client created (none if an {@link HttpClient} was supplied).
   * Close open {@link Download}s first.
   */
  @Override
  public void close() {
    for (HttpClient client : ownedClients) {
      shutdown(client);
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  /** HttpClient gained shutdown() in Java 21; on 17 releasing the executor is all there is. */
  private static void shutdown(HttpClient client) {
    try {
      Method shutdown = HttpClient.class.getMethod("shutdown");
      shutdown.invoke(client);
    } catch (NoSuchMethodException onJava17) {
      // Nothing more to release.
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Best effort: a failed shutdown must not hide the caller's own outcome.
    }
  }

  /**
   * Builds a {@link MimecastClient}. Setters only record values; {@link #build()} validates
   * everything and fails with a {@link MimecastConfigException} naming the problem and the fix. TLS
   * certificate verification cannot be switched off: use {@link #trustStore(KeyStore)} to trust a
   * private CA instead.
   */
  public static final class Builder {
    private String baseUrl;
    private Credentials credentials;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private ProxySelector proxy;
    private KeyStore trustStore;
    private Integer maxRetries;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private CallListener callListener = CallListener.none();
    private String userAgent = defaultUserAgent();
    private boolean allowWrites;
    private HttpClient httpClient;

    private Builder() {}

    /** The API host, e.g. {@code https://api.services.mimecast.com}. */
    public Builder baseUrl(String url) {
      this.baseUrl = url;
      return this;
    }

    /** The API host. */
    public Builder baseUrl(URI url) {
      this.baseUrl = url == null ? null : url.toString();
      return this;
    }

    /** Uses a region's host; same as {@code baseUrl(region.baseUrl())}. */
    public Builder region(MimecastRegion region) {
      this.baseUrl = region == null ? null : region.baseUrl().toString();
      return this;
    }

    /** API 2.0 {@link OAuth2Credentials} or API 1.0 {@link HmacCredentials}. */
    public Builder credentials(Credentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /** How long to wait for a TCP/TLS connection. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** How long to wait for each HTTP attempt's response headers. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** The proxy selector to use, e.g. {@code ProxySelector.of(address)}. */
    public Builder proxy(ProxySelector proxy) {
      this.proxy = proxy;
      return this;
    }

    /** Trusts the CA certificates in this key store (instead of the JVM's default trust). */
    public Builder trustStore(KeyStore trustStore) {
      this.trustStore = trustStore;
      return this;
    }

    /** Retries after the first attempt of a read operation (default 3); overrides the policy's. */
    public Builder maxRetries(int retries) {
      this.maxRetries = retries;
      return this;
    }

    /** Backoff and jitter of retries. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = policy;
      return this;
    }

    /** The time source (tokens, signatures, rate limits, date validation). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How the client waits for retries and rate limits. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** Receives one {@link CallRecord} per HTTP attempt. */
    public Builder callListener(CallListener listener) {
      this.callListener = listener;
      return this;
    }

    /** The {@code User-Agent} header. */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /** Allows operations that change the tenant (off by default; none exist yet). */
    public Builder allowWrites(boolean allow) {
      this.allowWrites = allow;
      return this;
    }

    /**
     * Uses this HTTP engine instead of creating one; {@link #close()} then leaves it alone. It must
     * not follow redirects (so the Authorization header cannot reach another host); its own connect
     * timeout, proxy and TLS settings apply, so combining it with {@link #proxy(ProxySelector)} or
     * {@link #trustStore(KeyStore)} is an error and {@link #connectTimeout(Duration)} is ignored.
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = client;
      return this;
    }

    /** Validates the settings and builds the client. */
    public MimecastClient build() {
      URI base = parseBaseUrl(baseUrl);
      if (credentials == null) {
        throw new MimecastConfigException(
            "No credentials: call credentials(new OAuth2Credentials(clientId, clientSecret)) for"
                + " API 2.0, or credentials(new HmacCredentials(appId, appKey, accessKey,"
                + " secretKey)) for API 1.0");
      }
      checkGenerationMatchesHost(base, credentials.generation());
      requirePositive(connectTimeout, "connectTimeout");
      requirePositive(requestTimeout, "requestTimeout");
      Objects.requireNonNull(retryPolicy, "retryPolicy");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(callListener, "callListener");
      if (userAgent == null || userAgent.isBlank()) {
        throw new MimecastConfigException("userAgent is blank; leave it unset for the default");
      }
      RetryPolicy policy =
          maxRetries == null ? retryPolicy : retryPolicy.withMaxRetries(maxRetries);

      HttpClient api;
      HttpClient download;
      ExecutorService executor = null;
      List<HttpClient> owned;
      if (httpClient != null) {
        if (proxy != null || trustStore != null) {
          throw new MimecastConfigException(
              "httpClient(...) was given together with proxy(...) or trustStore(...); configure"
                  + " those on the HttpClient you pass, or let the client create its own");
        }
        if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
          throw new MimecastConfigException(
              "the HttpClient passed to httpClient(...) follows redirects; build it with"
                  + " followRedirects(HttpClient.Redirect.NEVER) so credentials stay on the API"
                  + " host");
        }
        api = httpClient;
        download = httpClient;
        owned = List.of();
      } else {
        SSLContext ssl = sslContext(trustStore);
        executor = Executors.newCachedThreadPool(daemonThreads());
        api = engine(executor, ssl, HttpClient.Redirect.NEVER);
        download = engine(executor, ssl, HttpClient.Redirect.NORMAL);
        owned = List.of(api, download);
      }
      TransportConfig config =
          new TransportConfig(
              base,
              credentials,
              api,
              download,
              requestTimeout,
              policy,
              clock,
              sleeper,
              callListener,
              userAgent,
              allowWrites);
      return new MimecastClient(new Transport(config), owned, executor);
    }

    private HttpClient engine(
        ExecutorService executor, SSLContext ssl, HttpClient.Redirect redirect) {
      HttpClient.Builder engine =
          HttpClient.newBuilder()
              // HTTP/1.1 keeps behaviour predictable behind proxies and against local simulators.
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(connectTimeout)
              .followRedirects(redirect)
              .executor(executor);
      if (proxy != null) {
        engine.proxy(proxy);
      }
      if (ssl != null) {
        engine.sslContext(ssl);
      }
      return engine.build();
    }

    private static URI parseBaseUrl(String text) {
      if (text == null || text.isBlank()) {
        throw new MimecastConfigException(
            "No base URL: call region(MimecastRegion.GLOBAL) for API 2.0 (or another region), or"
                + " baseUrl(\"https://api.services.mimecast.com\")");
      }
      URI uri;
      try {
        uri = new URI(text.strip());
      } catch (URISyntaxException e) {
        throw new MimecastConfigException(
            "Base URL '"
                + text
                + "' is malformed ("
                + e.getReason()
                + "); expected e.g. https://api.services.mimecast.com");
      }
      String reason = BaseUrls.insecureReason(uri);
      if (reason != null) {
        throw new MimecastConfigException(
            "Base URL cannot be used: " + reason + "; e.g. https://api.services.mimecast.com");
      }
      if (uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        throw new MimecastConfigException(
            "Base URL '"
                + uri.getScheme()
                + "://"
                + uri.getHost()
                + "...' must be only scheme, host and port (no user, query or fragment)");
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      if (!path.isEmpty() && !path.equals("/")) {
        throw new MimecastConfigException(
            "Base URL '"
                + uri
                + "' has a path; give only scheme, host and port, e.g."
                + " https://api.services.mimecast.com (the client adds /api/...)");
      }
      return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority());
    }

    private static void checkGenerationMatchesHost(URI base, ApiGeneration generation) {
      Optional<ApiGeneration> hostGeneration = BaseUrls.generationOf(base.getHost());
      if (hostGeneration.isEmpty() || hostGeneration.get() == generation) {
        return;
      }
      if (generation == ApiGeneration.V2_OAUTH) {
        throw new MimecastConfigException(
            "API 2.0 credentials (OAuth2 client id and secret) cannot be used with "
                + base.getHost()
                + ", an API 1.0 host. API 2.0 uses https://api.services.mimecast.com (or the"
                + " uk-api/us-api .services.mimecast.com gateways): use region(GLOBAL), UK or US."
                + " To use this host, give API 1.0 keys (HmacCredentials) instead");
      }
      throw new MimecastConfigException(
          "API 1.0 credentials (HmacCredentials) cannot be used with "
              + base.getHost()
              + ", an API 2.0 host. API 1.0 keys work on the account's regional host, e.g."
              + " https://eu-api.mimecast.com or https://us-api.mimecast.com: use region(EU),"
              + " US_A, US_B, DE, CA, ZA, AU, JE or USPCOM. To use this host, give API 2.0"
              + " credentials (OAuth2Credentials) instead");
    }

    private static void requirePositive(Duration value, String name) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new MimecastConfigException(name + " must be a positive duration, got " + value);
      }
    }

    private static SSLContext sslContext(KeyStore trustStore) {
      if (trustStore == null) {
        return null;
      }
      try {
        TrustManagerFactory trust =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
      } catch (GeneralSecurityException e) {
        throw new MimecastConfigException(
            "trustStore cannot be used ("
                + e.getMessage()
                + "); pass a loaded KeyStore of CA certificates");
      }
    }

    private static ThreadFactory daemonThreads() {
      AtomicInteger count = new AtomicInteger();
      return task -> {
        Thread thread = new Thread(task, "mci-http-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
    }

    private static String defaultUserAgent() {
      String version = MimecastClient.class.getPackage().getImplementationVersion();
      return "mci-client/" + (version == null ? "dev" : version);
    }
  }
}
