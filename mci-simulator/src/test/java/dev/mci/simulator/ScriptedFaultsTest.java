package dev.mci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.RecordingSleeper;
import dev.mci.simulator.testing.SimClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScriptedFaultsTest {

  private static final String ACCOUNT = "/api/account/get-account";
  private static final String SEARCH = "/api/message-finder/search";
  private static MutableClock clock;
  private static RecordingSleeper sleeper;
  private static SimulatorServer server;
  private static SimClient client;
  private static String token;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    sleeper = new RecordingSleeper();
    server = SimulatorServer.start(SimulatorConfig.builder().clock(clock).sleeper(sleeper).build());
    client = new SimClient(server, clock);
    token = client.token();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.faults().clear();
    server.requests().clear();
  }

  @Test
  void statusFaultAnswersTheDocumentedEnvelopeOnce() {
    server.faults().enqueue(ACCOUNT, ScriptedFault.status(503));

    SimClient.Reply faulted = client.v2(ACCOUNT, "{}", token);
    SimClient.Reply next = client.v2(ACCOUNT, "{}", token);

    assertThat(faulted.status()).isEqualTo(503);
    assertThat(faulted.json().at("/meta/status").asInt()).isEqualTo(503);
    assertThat(faulted.json().at("/fail/0/errors/0/code").asText())
        .isEqualTo("err_service_unavailable");
    assertThat(faulted.json().at("/fail/0/errors/0/retryable").asBoolean()).isTrue();
    assertThat(faulted.header("X-RateLimit-Limit")).isEqualTo("800");
    assertThat(next.status()).isEqualTo(200);
  }

  @Test
  void statusFaultOnTheTokenEndpointUsesTheFlatBody() {
    server.faults().enqueue("/oauth/token", ScriptedFault.status(500));

    SimulatorCredentials c = server.credentials();
    SimClient.Reply reply =
        client.tokenRequest(SimClient.form(c.clientId(), c.clientSecret(), "client_credentials"));

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().has("meta")).isFalse();
    assertThat(reply.json().at("/fail/0/code").asText()).isEqualTo("err_internal_server_error");
  }

  @Test
  void rateLimitedFaultSetsResetAndRetryAfter() {
    server.faults().enqueue(ACCOUNT, ScriptedFault.rateLimited(Duration.ofMillis(1500)));

    SimClient.Reply reply = client.v2(ACCOUNT, "{}", token);

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(reply.header("X-RateLimit-Reset")).isEqualTo("1500");
    assertThat(reply.header("Retry-After")).isEqualTo("2");
  }

  @Test
  void dropConnectionClosesWithoutAResponse() {
    server.faults().enqueue(ACCOUNT, ScriptedFault.dropConnection());

    assertThatThrownBy(() -> client.v2(ACCOUNT, "{}", token))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(server.requests().all())
        .singleElement()
        .satisfies(r -> assertThat(r.dropped()).isTrue());
    assertThat(client.v2(ACCOUNT, "{}", token).status()).isEqualTo(200);
  }

  @Test
  void functionErrorIsHttp200WithFail() {
    server.faults().enqueue(SEARCH, ScriptedFault.functionError("err_x", "Something broke", true));

    SimClient.Reply reply = client.v2(SEARCH, "{}", token);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().at("/meta/status").asInt()).isEqualTo(200);
    assertThat(reply.json().get("data")).isEmpty();
    assertThat(reply.json().at("/fail/0/errors/0/code").asText()).isEqualTo("err_x");
    assertThat(reply.json().at("/fail/0/errors/0/message").asText()).isEqualTo("Something broke");
    assertThat(reply.json().at("/fail/0/errors/0/retryable").asBoolean()).isTrue();
  }

  @Test
  void emptyBodyFaultSendsNoBody() {
    server.faults().enqueue(ACCOUNT, ScriptedFault.emptyBody(400));

    SimClient.Reply reply = client.v2(ACCOUNT, "{}", token);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void delayWaitsThenHandlesNormally() {
    server.faults().enqueue(ACCOUNT, ScriptedFault.delay(Duration.ofMillis(750)));

    SimClient.Reply reply = client.v2(ACCOUNT, "{}", token);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(sleeper.sleeps()).contains(Duration.ofMillis(750));
  }

  @Test
  void tokenExpiredFaultAnswers401TokenExpired() {
    server.faults().enqueue(ACCOUNT, ScriptedFault.tokenExpired());

    SimClient.Reply reply = client.v2(ACCOUNT, "{}", token);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().at("/fail/0/code").asText()).isEqualTo("token_expired");
    assertThat(reply.json().at("/fail/0/errors/0/code").asText()).isEqualTo("token_expired");
  }

  @Test
  void faultsApplyInOrderOnlyToTheirExactPath() {
    server.faults().enqueue(ACCOUNT, ScriptedFault.status(502));
    server.faults().enqueue(ACCOUNT, ScriptedFault.status(504));

    assertThat(client.v2(SEARCH, "{}", token).status()).isEqualTo(200);
    assertThat(client.v2(ACCOUNT, "{}", token).status()).isEqualTo(502);
    assertThat(server.faults().pending(ACCOUNT)).isEqualTo(1);
    assertThat(client.v1(ACCOUNT, "{}").status()).isEqualTo(504);
    assertThat(client.v2(ACCOUNT, "{}", token).status()).isEqualTo(200);
  }

  @Test
  void clearDropsQueuedFaults() {
    server.faults().enqueue(ACCOUNT, ScriptedFault.status(500));

    server.faults().clear();

    assertThat(client.v2(ACCOUNT, "{}", token).status()).isEqualTo(200);
  }

  @Test
  void scriptedFaultsDoNotConsumeQuota() {
    SimClient.Reply before = client.v2(ACCOUNT, "{}", token);
    server.faults().enqueue(ACCOUNT, ScriptedFault.status(500));
    SimClient.Reply faulted = client.v2(ACCOUNT, "{}", token);

    assertThat(faulted.header("X-RateLimit-Remaining"))
        .isEqualTo(before.header("X-RateLimit-Remaining"));
  }

  @Test
  void rejectsFactoriesWithImpossibleValues() {
    assertThatThrownBy(() -> ScriptedFault.status(200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("400-599");
    assertThatThrownBy(() -> ScriptedFault.delay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.faults().enqueue("api/x", ScriptedFault.dropConnection()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
