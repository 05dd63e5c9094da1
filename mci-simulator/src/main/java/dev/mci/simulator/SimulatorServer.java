package dev.mci.simulator;

import dev.mci.simulator.account.AccountArea;
import dev.mci.simulator.awareness.AwarenessArea;
import dev.mci.simulator.core.Authenticator;
import dev.mci.simulator.core.Dispatcher;
import dev.mci.simulator.core.FaultInjector;
import dev.mci.simulator.core.HttpListener;
import dev.mci.simulator.core.OAuthTokenEndpoint;
import dev.mci.simulator.core.OAuthTokens;
import dev.mci.simulator.core.PageTokens;
import dev.mci.simulator.core.Paging;
import dev.mci.simulator.core.RateLimiter;
import dev.mci.simulator.core.Routes;
import dev.mci.simulator.events.EventsArea;
import dev.mci.simulator.groups.GroupsArea;
import dev.mci.simulator.hashes.HashesArea;
import dev.mci.simulator.incidents.IncidentsArea;
import dev.mci.simulator.logs.LogsArea;
import dev.mci.simulator.messages.MessagesArea;
import dev.mci.simulator.policies.PoliciesArea;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.urls.UrlsArea;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local fake Mimecast tenant over real HTTP: one process, two listeners, the API 2.0 base (OAuth2
 * Bearer, {@code /oauth/token}) and the API 1.0 base (HMAC-signed {@code MC} requests), both
 * serving the same generated {@link Tenant}. Behaviour follows the wire reference in {@code
 * shared/mimecast-api}, not any client.
 *
 * <p>Start one per test class on free ports with {@link #start(SimulatorConfig)}; it is thread-safe
 * and serves concurrent requests. {@link #close()} stops both listeners.
 */
public final class SimulatorServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);

  private final SimulatorConfig config;
  private final Tenant tenant;
  private final SimulatorCredentials credentials;
  private final ScriptedFaults faults;
  private final RequestLog requests;
  private final OAuthTokens tokens;
  private final HttpListener v2;
  private final HttpListener v1;

  private SimulatorServer(
      SimulatorConfig config,
      Tenant tenant,
      SimulatorCredentials credentials,
      ScriptedFaults faults,
      RequestLog requests,
      OAuthTokens tokens,
      HttpListener v2,
      HttpListener v1) {
    this.config = config;
    this.tenant = tenant;
    this.credentials = credentials;
    this.faults = faults;
    this.requests = requests;
    this.tokens = tokens;
    this.v2 = v2;
    this.v1 = v1;
  }

  /**
   * Generates the tenant and binds both listeners.
   *
   * @throws RuntimeException from the HTTP server when a port cannot be bound
   */
  public static SimulatorServer start(SimulatorConfig config) {
    Objects.requireNonNull(config, "config");
    Tenant tenant = Tenant.generate(config.seed(), config.size(), config.clock().instant());
    SimulatorCredentials credentials = SimulatorCredentials.fixed();
    ScriptedFaults faults = new ScriptedFaults();
    RequestLog requests = new RequestLog();
    OAuthTokens tokens = new OAuthTokens();
    Authenticator authenticator = new Authenticator(credentials, tokens, config.allowedClockSkew());
    FaultInjector injector = new FaultInjector(config.faults(), config.sleeper());

    Routes routes = new Routes();
    routes.raw(
        "POST",
        OAuthTokenEndpoint.PATH,
        EnumSet.of(ApiGeneration.V2),
        false,
        new OAuthTokenEndpoint(
            authenticator,
            tokens,
            config.tokenTtl(),
            injector.earlyExpiryShare(),
            injector::nextDouble));
    new MessagesArea(tenant).register(routes);
    new UrlsArea(tenant).register(routes);
    new HashesArea(tenant).register(routes);
    new IncidentsArea(tenant).register(routes);
    new LogsArea(tenant, config.urlLogBackground()).register(routes);
    new AccountArea(tenant).register(routes);
    new AwarenessArea(tenant).register(routes);
    new PoliciesArea(tenant).register(routes);
    new GroupsArea(tenant).register(routes);
    new EventsArea(tenant, config.events()).register(routes);

    Dispatcher dispatcher =
        new Dispatcher(
            config.clock(),
            routes,
            authenticator,
            new RateLimiter(config.rateLimit()),
            injector,
            faults::take,
            new Paging(config.defaultPageSize(), new PageTokens(config.seed())),
            config.sleeper());
    HttpListener v2 =
        HttpListener.start(
            config.host(),
            config.port(),
            ApiGeneration.V2,
            dispatcher,
            requests::record,
            config.clock(),
            config.sleeper());
    HttpListener v1;
    try {
      v1 =
          HttpListener.start(
              config.host(),
              config.portV1(),
              ApiGeneration.V1,
              dispatcher,
              requests::record,
              config.clock(),
              config.sleeper());
    } catch (RuntimeException e) {
      v2.close();
      throw e;
    }
    LOG.info(
        "Mimecast simulator: API 2.0 at {}, API 1.0 at {}, tenant {} seed {} ({})",
        v2.baseUrl(),
        v1.baseUrl(),
        tenant.account().accountCode(),
        config.seed(),
        config.size());
    return new SimulatorServer(config, tenant, credentials, faults, requests, tokens, v2, v1);
  }

  /** The API 2.0 base URL, e.g. {@code http://127.0.0.1:50123}. */
  public URI baseUrl() {
    return v2.baseUrl();
  }

  /** The API 1.0 base URL. */
  public URI baseUrlV1() {
    return v1.baseUrl();
  }

  /** The credentials both listeners accept. */
  public SimulatorCredentials credentials() {
    return credentials;
  }

  /** The generated tenant (read-only), for tests and demos. */
  public Tenant tenant() {
    return tenant;
  }

  /** The per-test fault script. */
  public ScriptedFaults faults() {
    return faults;
  }

  /** The requests received so far. */
  public RequestLog requests() {
    return requests;
  }

  /** The configuration the server runs with. */
  public SimulatorConfig config() {
    return config;
  }

  /** Makes every API 2.0 token issued so far expire now (calls then answer 401 token_expired). */
  public void expireAllTokens() {
    tokens.expireAll(config.clock().instant());
  }

  /** Stops both listeners. */
  @Override
  public void close() {
    try {
      v1.close();
    } finally {
      v2.close();
    }
  }
}
