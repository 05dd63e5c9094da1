package dev.mci.client.e2e;

import dev.mci.client.Credentials;
import dev.mci.client.HmacCredentials;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.RetryPolicy;
import dev.mci.client.testing.FakeTime;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A simulator on loopback plus clients for both API generations, sharing one clock that only moves
 * when a client "sleeps": tests see exact waits, never wait for real, and the simulator's token
 * expiry and rate-limit buckets follow the same time.
 */
final class SimulatedTenant implements AutoCloseable {
  /** Which authentication scheme a client uses. */
  enum Generation {
    API_2_OAUTH,
    API_1_HMAC
  }

  /** One time for client and simulator: it moves only when a client waits or a test says so. */
  final FakeTime clock = new FakeTime(Instant.now().truncatedTo(ChronoUnit.SECONDS));

  final SimulatorServer server;

  SimulatedTenant() {
    this(b -> b);
  }

  SimulatedTenant(UnaryOperator<SimulatorConfig.Builder> config) {
    server =
        SimulatorServer.start(
            config
                .apply(
                    SimulatorConfig.builder()
                        .port(0)
                        .portV1(0)
                        .clock(clock)
                        .rateLimit(RateLimit.of(10_000, Duration.ofMinutes(1))))
                .build());
  }

  /** The waits clients made, in order. */
  List<Duration> sleeps() {
    return clock.sleeps();
  }

  /** A retry policy without jitter, so waits are exact: 1 s, 2 s, 4 s. */
  static RetryPolicy exactRetries() {
    return RetryPolicy.builder().maxRetries(3).jitter(0).build();
  }

  MimecastClient client(Generation generation) {
    return builder(generation).build();
  }

  MimecastClient.Builder builder(Generation generation) {
    return MimecastClient.builder()
        .baseUrl(baseUrl(generation))
        .credentials(credentials(generation))
        .clock(clock)
        .sleeper(clock)
        .retryPolicy(exactRetries())
        .requestTimeout(Duration.ofSeconds(10));
  }

  URI baseUrl(Generation generation) {
    return generation == Generation.API_2_OAUTH ? server.baseUrl() : server.baseUrlV1();
  }

  Credentials credentials(Generation generation) {
    SimulatorCredentials sim = server.credentials();
    return generation == Generation.API_2_OAUTH
        ? new OAuth2Credentials(sim.clientId(), sim.clientSecret())
        : new HmacCredentials(sim.appId(), sim.appKey(), sim.accessKey(), sim.secretKey());
  }

  @Override
  public void close() {
    server.close();
  }
}
