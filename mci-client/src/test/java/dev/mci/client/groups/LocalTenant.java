package dev.mci.client.groups;

import dev.mci.client.HmacCredentials;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.RetryPolicy;
import dev.mci.client.testing.FakeTime;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The people-and-policy tests' simulator: one on loopback per test class, with one fake time for
 * client and simulator (it moves only when the client waits), and clients of both generations.
 */
public final class LocalTenant implements AutoCloseable {

  /** Which authentication scheme a client uses. */
  public enum Generation {
    API_2_OAUTH,
    API_1_HMAC
  }

  public final FakeTime time = new FakeTime(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  public final SimulatorServer server;

  public LocalTenant() {
    server =
        SimulatorServer.start(
            SimulatorConfig.builder()
                .port(0)
                .portV1(0)
                .clock(time)
                .rateLimit(RateLimit.of(100_000, Duration.ofMinutes(1)))
                .build());
  }

  public Tenant tenant() {
    return server.tenant();
  }

  public MimecastClient client(Generation generation) {
    return builder(generation).build();
  }

  public MimecastClient.Builder builder(Generation generation) {
    SimulatorCredentials sim = server.credentials();
    MimecastClient.Builder builder =
        MimecastClient.builder()
            .clock(time)
            .sleeper(time)
            .retryPolicy(RetryPolicy.builder().maxRetries(3).jitter(0).build())
            .requestTimeout(Duration.ofSeconds(10));
    return generation == Generation.API_2_OAUTH
        ? builder
            .baseUrl(server.baseUrl())
            .credentials(new OAuth2Credentials(sim.clientId(), sim.clientSecret()))
        : builder
            .baseUrl(server.baseUrlV1())
            .credentials(
                new HmacCredentials(sim.appId(), sim.appKey(), sim.accessKey(), sim.secretKey()));
  }

  /** A client whose API 2.0 secret is wrong. */
  public MimecastClient clientWithWrongSecret() {
    return MimecastClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(new OAuth2Credentials(server.credentials().clientId(), "not-the-secret"))
        .clock(time)
        .sleeper(time)
        .build();
  }

  /** Makes the next {@code count} calls to {@code path} fail with HTTP {@code status}. */
  public void failNext(String path, int status, int count) {
    for (int i = 0; i < count; i++) {
      server.faults().enqueue(path, ScriptedFault.status(status));
    }
  }

  public long calls(String path) {
    return server.requests().count(path);
  }

  @Override
  public void close() {
    server.close();
  }
}
