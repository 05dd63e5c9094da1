package dev.mci.simulator;

import dev.mci.simulator.events.EventStreamConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything that shapes one simulator instance. Build with {@link #builder()}; {@link #defaults()}
 * gives a small tenant on free loopback ports.
 *
 * @param host interface both listeners bind to
 * @param port API 2.0 listener port; 0 picks a free port
 * @param portV1 API 1.0 listener port; 0 picks a free port
 * @param seed seed of the generated tenant
 * @param size size of the generated tenant
 * @param faults probabilistic faults applied to every request
 * @param tokenTtl lifetime of issued API 2.0 tokens, reported as {@code expires_in} (whole seconds)
 * @param rateLimit quota of each API 2.0 application and each API 1.0 user
 * @param defaultPageSize page size of paginated endpoints when the request omits it, 1 to 500
 * @param clock source of "now" for the tenant, tokens, rate limits and date checks
 * @param allowedClockSkew how far an API 1.0 {@code x-mc-date} may be from the clock
 * @param sleeper how the simulator waits (latency, delays, slow bodies)
 * @param events shape of the simulated SIEM event stream (volume, batch interval, damaged files)
 * @param urlLogBackground synthetic background clicks added to the URL Protect log over its 90
 *     days, generated page by page (0: only the clicks the tenant's own mail produces)
 */
public record SimulatorConfig(
    String host,
    int port,
    int portV1,
    long seed,
    TenantSize size,
    FaultProfile faults,
    Duration tokenTtl,
    RateLimit rateLimit,
    int defaultPageSize,
    Clock clock,
    Duration allowedClockSkew,
    Sleeper sleeper,
    EventStreamConfig events,
    long urlLogBackground) {

  /** Largest page any paginated endpoint returns. */
  public static final int MAX_PAGE_SIZE = 500;

  /** Validates every value; messages name the bad value. */
  public SimulatorConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(tokenTtl, "tokenTtl");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(allowedClockSkew, "allowedClockSkew");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(events, "events");
    checkPort("port", port);
    checkPort("portV1", portV1);
    if (port != 0 && port == portV1) {
      throw new IllegalArgumentException("port and portV1 must differ, both were " + port);
    }
    if (tokenTtl.getSeconds() < 1) {
      throw new IllegalArgumentException("tokenTtl must be at least 1 second, was " + tokenTtl);
    }
    if (defaultPageSize < 1 || defaultPageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "defaultPageSize must be 1 to " + MAX_PAGE_SIZE + ", was " + defaultPageSize);
    }
    if (allowedClockSkew.isNegative()) {
      throw new IllegalArgumentException(
          "allowedClockSkew must not be negative, was " + allowedClockSkew);
    }
    if (urlLogBackground < 0) {
      throw new IllegalArgumentException(
          "urlLogBackground must not be negative, was " + urlLogBackground);
    }
  }

  /** A builder holding the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: a SMALL tenant, seed 42, free loopback ports, no faults. */
  public static SimulatorConfig defaults() {
    return builder().build();
  }

  /** A builder pre-filled with this configuration. */
  public Builder toBuilder() {
    return new Builder()
        .host(host)
        .port(port)
        .portV1(portV1)
        .seed(seed)
        .size(size)
        .faults(faults)
        .tokenTtl(tokenTtl)
        .rateLimit(rateLimit)
        .defaultPageSize(defaultPageSize)
        .clock(clock)
        .allowedClockSkew(allowedClockSkew)
        .sleeper(sleeper)
        .events(events)
        .urlLogBackground(urlLogBackground);
  }

  private static void checkPort(String name, int value) {
    if (value < 0 || value > 65_535) {
      throw new IllegalArgumentException(name + " must be 0 to 65535, was " + value);
    }
  }

  /**
   * Builds a {@link SimulatorConfig}. Defaults: host {@code 127.0.0.1}, ports 0 (free), seed 42,
   * {@link TenantSize#SMALL}, {@link FaultProfile#none()}, token TTL 1799 s, 800 requests per
   * minute, default page size 25, {@link Clock#systemUTC()}, clock skew 15 minutes, {@link
   * Sleeper#system()}.
   */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private int portV1;
    private long seed = 42L;
    private TenantSize size = TenantSize.SMALL;
    private FaultProfile faults = FaultProfile.none();
    private Duration tokenTtl = Duration.ofSeconds(1799);
    private RateLimit rateLimit = RateLimit.defaults();
    private int defaultPageSize = 25;
    private Clock clock = Clock.systemUTC();
    private Duration allowedClockSkew = Duration.ofMinutes(15);
    private Sleeper sleeper = Sleeper.system();
    private EventStreamConfig events = EventStreamConfig.defaults();
    private long urlLogBackground;

    private Builder() {}

    /** Interface both listeners bind to. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** API 2.0 listener port; 0 picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** API 1.0 listener port; 0 picks a free port. */
    public Builder portV1(int portV1) {
      this.portV1 = portV1;
      return this;
    }

    /** Seed of the generated tenant. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Size of the generated tenant. */
    public Builder size(TenantSize size) {
      this.size = size;
      return this;
    }

    /** Probabilistic faults applied to every request. */
    public Builder faults(FaultProfile faults) {
      this.faults = faults;
      return this;
    }

    /** Lifetime of issued API 2.0 tokens. */
    public Builder tokenTtl(Duration tokenTtl) {
      this.tokenTtl = tokenTtl;
      return this;
    }

    /** Quota per API 2.0 application and per API 1.0 user. */
    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    /** Page size of paginated endpoints when the request omits it. */
    public Builder defaultPageSize(int defaultPageSize) {
      this.defaultPageSize = defaultPageSize;
      return this;
    }

    /** Source of "now". */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How far an API 1.0 {@code x-mc-date} may be from the clock. */
    public Builder allowedClockSkew(Duration allowedClockSkew) {
      this.allowedClockSkew = allowedClockSkew;
      return this;
    }

    /** How the simulator waits; tests pass a recording sleeper. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** Shape of the simulated SIEM event stream; {@link EventStreamConfig#defaults()} if unset. */
    public Builder events(EventStreamConfig events) {
      this.events = events;
      return this;
    }

    /** Synthetic background clicks in the URL Protect log (default 0), for volume benchmarks. */
    public Builder urlLogBackground(long clicks) {
      this.urlLogBackground = clicks;
      return this;
    }

    /** Validates and builds the configuration. */
    public SimulatorConfig build() {
      return new SimulatorConfig(
          host,
          port,
          portV1,
          seed,
          size,
          faults,
          tokenTtl,
          rateLimit,
          defaultPageSize,
          clock,
          allowedClockSkew,
          sleeper,
          events,
          urlLogBackground);
    }
  }
}
