package dev.mci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.RecordingSleeper;
import dev.mci.simulator.testing.SimClient;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FaultProfileServerTest {

  private static final String ACCOUNT = "/api/account/get-account";
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @Test
  void everyRequestFailsWhen5xxShareIsOne() {
    try (SimulatorServer server = start("5xx=1")) {
      SimClient.Reply reply = new SimClient(server, clock).v1(ACCOUNT, "{}");

      assertThat(reply.status()).isIn(500, 502, 503, 504);
      assertThat(reply.json().at("/meta/status").asInt()).isEqualTo(reply.status());
      assertThat(reply.header("X-RateLimit-Limit")).isNotNull();
    }
  }

  @Test
  void dropShareOneClosesEveryConnection() {
    try (SimulatorServer server = start("drop=1")) {
      SimClient client = new SimClient(server, clock);

      assertThatThrownBy(() -> client.v1(ACCOUNT, "{}")).isInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void slowBodiesArriveCompleteInChunks() {
    try (SimulatorServer server = start("slow=1,latency=30ms")) {
      SimClient.Reply reply = new SimClient(server, clock).v1(ACCOUNT, "{}");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().at("/data/0/accountCode").asText())
          .isEqualTo(server.tenant().account().accountCode());
      assertThat(sleeper.sleeps()).contains(Duration.ofMillis(30), Duration.ofMillis(50));
    }
  }

  @Test
  void earlyExpiryShareOneMakesTokensDieBeforeTheirAdvertisedLifetime() {
    try (SimulatorServer server = start("early-expiry=1")) {
      SimClient client = new SimClient(server, clock);
      String token = client.token();

      clock.advance(Duration.ofSeconds(1799 / 2 + 1));

      SimClient.Reply reply = client.v2(ACCOUNT, "{}", token);
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.json().at("/fail/0/code").asText()).isEqualTo("token_expired");
    }
  }

  private SimulatorServer start(String faults) {
    return SimulatorServer.start(
        SimulatorConfig.builder()
            .clock(clock)
            .sleeper(sleeper)
            .faults(FaultProfile.parse(faults))
            .build());
  }
}
