package dev.mci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  private static final String ACCOUNT = "/api/account/get-account";
  private MutableClock clock;
  private SimulatorServer server;
  private SimClient client;

  @BeforeEach
  void start() {
    clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    server =
        SimulatorServer.start(
            SimulatorConfig.builder()
                .clock(clock)
                .rateLimit(RateLimit.of(4, Duration.ofSeconds(60)))
                .build());
    client = new SimClient(server, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void countsDownAndAnswers429WhenTheBucketIsEmpty() {
    String token = client.token(); // the token request is the application's first request

    SimClient.Reply second = client.v2(ACCOUNT, "{}", token);
    client.v2(ACCOUNT, "{}", token);
    SimClient.Reply fourth = client.v2(ACCOUNT, "{}", token);
    SimClient.Reply fifth = client.v2(ACCOUNT, "{}", token);

    assertThat(second.header("X-RateLimit-Limit")).isEqualTo("4");
    assertThat(second.header("X-RateLimit-Remaining")).isEqualTo("2");
    // One request comes back every 15 s; the clock has not moved.
    assertThat(second.header("X-RateLimit-Reset")).isEqualTo("15000");
    assertThat(fourth.status()).isEqualTo(200);
    assertThat(fourth.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(fifth.status()).isEqualTo(429);
    assertThat(fifth.json().at("/meta/status").asInt()).isEqualTo(429);
    assertThat(fifth.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(fifth.header("X-RateLimit-Reset")).isEqualTo("15000");
  }

  @Test
  void refillsOneRequestPerIntervalAndResetShrinksWithTime() {
    String token = client.token();
    for (int i = 0; i < 3; i++) {
      client.v2(ACCOUNT, "{}", token);
    }
    clock.advance(Duration.ofMillis(14_999));
    SimClient.Reply early = client.v2(ACCOUNT, "{}", token);
    clock.advance(Duration.ofMillis(1));
    SimClient.Reply onTime = client.v2(ACCOUNT, "{}", token);

    assertThat(early.status()).isEqualTo(429);
    assertThat(early.header("X-RateLimit-Reset")).isEqualTo("1");
    assertThat(onTime.status()).isEqualTo(200);
    assertThat(onTime.header("X-RateLimit-Remaining")).isEqualTo("0");
  }

  @Test
  void clientThatHonoursTheHeadersNeverSeesA429() {
    String token = client.token();
    long remaining = 3;
    long resetMillis = 0;
    for (int i = 0; i < 20; i++) {
      if (remaining == 0) {
        clock.advance(Duration.ofMillis(resetMillis));
      }
      SimClient.Reply reply = client.v2(ACCOUNT, "{}", token);
      remaining = Long.parseLong(reply.header("X-RateLimit-Remaining"));
      resetMillis = Long.parseLong(reply.header("X-RateLimit-Reset"));
    }

    assertThat(server.requests().all()).hasSize(21).allMatch(r -> r.status() == 200);
  }

  @Test
  void apiV1UserAndApiV2ApplicationHaveSeparateBuckets() {
    String token = client.token();
    for (int i = 0; i < 3; i++) {
      client.v2(ACCOUNT, "{}", token);
    }

    SimClient.Reply v1 = client.v1(ACCOUNT, "{}");

    assertThat(client.v2(ACCOUNT, "{}", token).status()).isEqualTo(429);
    assertThat(v1.status()).isEqualTo(200);
    assertThat(v1.header("X-RateLimit-Remaining")).isEqualTo("3");
  }

  @Test
  void concurrentRequestsNeverExceedTheQuota() throws Exception {
    server.close();
    server =
        SimulatorServer.start(
            SimulatorConfig.builder()
                .clock(clock)
                .rateLimit(RateLimit.of(50, Duration.ofMinutes(1)))
                .build());
    client = new SimClient(server, clock);
    String token = client.token();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        statuses.add(pool.submit(() -> client.v2(ACCOUNT, "{}", token).status()));
      }
      long ok = 0;
      for (Future<Integer> status : statuses) {
        ok += status.get() == 200 ? 1 : 0;
      }

      // 50 in the bucket, one of them spent on the token.
      assertThat(ok).isEqualTo(49);
      assertThat(server.requests().all()).filteredOn(r -> r.status() == 429).hasSize(31);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyResponseCarriesTheHeaders() {
    SimClient.Reply unauthorized = client.v2(ACCOUNT, "{}", "bogus");
    SimClient.Reply notFound =
        client.send(HttpRequest.newBuilder(server.baseUrl().resolve("/nothing")).GET().build());
    SimClient.Reply badToken =
        client.tokenRequest(SimClient.form("unknown", "secret", "client_credentials"));

    for (SimClient.Reply reply : new SimClient.Reply[] {unauthorized, notFound, badToken}) {
      assertThat(reply.header("X-RateLimit-Limit")).isEqualTo("4");
      assertThat(reply.header("X-RateLimit-Remaining")).isNotNull();
      assertThat(reply.header("X-RateLimit-Reset")).isNotNull();
    }
  }
}
