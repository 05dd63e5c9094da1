package dev.mci.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.client.HmacCredentials;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.messages.MessageSearch;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads sharing one client against a quota smaller than their demand, in real time: the
 * shared gate paces them, so none of them runs out of retries on 429s.
 */
class RateLimitPacingEndToEndTest {
  private static final String SEARCH = "/api/message-finder/search";
  private static final int CALLERS = 8;
  private static final int CALLS_EACH = 5;

  // Ten requests a second, a bucket of five: the 40 calls below need about 3.5 s.
  private final SimulatorServer server =
      SimulatorServer.start(
          SimulatorConfig.builder()
              .port(0)
              .portV1(0)
              .rateLimit(RateLimit.of(5, Duration.ofMillis(500)))
              .build());

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(SimulatedTenant.Generation.class)
  void concurrentCallersOverAnEmptyBucketAllSucceed(SimulatedTenant.Generation generation)
      throws Exception {
    MessageSearch query =
        MessageSearch.builder()
            .from(server.tenant().scenario().senderDomain())
            .start(Instant.now().minus(Duration.ofDays(7)))
            .end(Instant.now())
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try (MimecastClient client = client(generation)) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        results.add(
            pool.submit(
                () -> {
                  int found = 0;
                  for (int i = 0; i < CALLS_EACH; i++) {
                    found += client.messages().search(query).size();
                  }
                  return found;
                }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requests().count(SEARCH)).isGreaterThanOrEqualTo(CALLERS * CALLS_EACH);
    // Pacing, not brute retrying, carried them: most calls never met a 429 (only those already on
    // their way when the bucket ran dry, or late off the mark on a loaded machine, can).
    assertThat(server.requests().all().stream().filter(r -> r.status() == 429).count())
        .isLessThan(CALLERS * CALLS_EACH / 2);
  }

  private MimecastClient client(SimulatedTenant.Generation generation) {
    var sim = server.credentials();
    return MimecastClient.builder()
        .baseUrl(
            generation == SimulatedTenant.Generation.API_2_OAUTH
                ? server.baseUrl()
                : server.baseUrlV1())
        .credentials(
            generation == SimulatedTenant.Generation.API_2_OAUTH
                ? new OAuth2Credentials(sim.clientId(), sim.clientSecret())
                : new HmacCredentials(sim.appId(), sim.appKey(), sim.accessKey(), sim.secretKey()))
        .build();
  }
}
