package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.internal.Operation;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryTest {

  private static final Operation READ = Operation.read("/api/test/read");
  private static final Operation WRITE = Operation.write("/api/test/write");
  private static final Reply OK =
      Reply.json(200, "{\"meta\":{\"status\":200},\"data\":[{}],\"fail\":[]}");
  private static final Reply TOO_MANY =
      Reply.json(429, "{\"meta\":{\"status\":429},\"data\":[],\"fail\":[]}");
  private static final Reply UNAVAILABLE = Reply.empty(503);

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2025-03-31T12:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void waitsForTheRateLimitResetOn429() {
    server.onSequence(READ.path(), TOO_MANY.withHeader("X-RateLimit-Reset", "2500"), OK);
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      client.transport().call(READ, List.of());
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(2500));
    assertThat(server.requests(READ.path())).hasSize(2);
  }

  @Test
  void honoursRetryAfterSecondsOn429() {
    server.onSequence(READ.path(), TOO_MANY.withHeader("Retry-After", "7"), OK);
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      client.transport().call(READ, List.of());
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void backoffIsLongerThanAShortResetWhenRetriesPileUp() {
    server.onSequence(
        READ.path(),
        TOO_MANY.withHeader("X-RateLimit-Reset", "1500"),
        TOO_MANY.withHeader("X-RateLimit-Reset", "1500"),
        TOO_MANY.withHeader("X-RateLimit-Reset", "1500"),
        OK);
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      client.transport().call(READ, List.of());
    }
    assertThat(time.sleeps())
        .containsExactly(Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void throwsRateLimitedWithTheResetWhenRetriesRunOut() {
    server.on(READ.path(), request -> TOO_MANY.withHeader("X-RateLimit-Reset", "3000"));
    try (MimecastClient client = TestClients.hmac(server, time).maxRetries(1).build()) {
      assertThatThrownBy(() -> client.transport().call(READ, List.of()))
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> {
                assertThat(e.reset()).contains(Duration.ofMillis(3000));
                assertThat(e.httpStatus()).isEqualTo(429);
                assertThat(e.getMessage()).contains("after 2 attempts");
              });
    }
  }

  @Test
  void backsOffExponentiallyWithACapOn5xx() {
    server.on(READ.path(), request -> UNAVAILABLE);
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxRetries(4)
            .initialBackoff(Duration.ofSeconds(1))
            .maxBackoff(Duration.ofSeconds(3))
            .jitterSource(() -> 0.0)
            .build();
    try (MimecastClient client = TestClients.hmac(server, time).retryPolicy(policy).build()) {
      assertThatThrownBy(() -> client.transport().call(READ, List.of()))
          .isInstanceOf(ServerException.class)
          .hasMessageContaining("HTTP 503 and an empty body, after 5 attempts");
    }
    assertThat(time.sleeps())
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            Duration.ofSeconds(3));
    assertThat(server.requests(READ.path())).hasSize(5);
  }

  @Test
  void appliesJitterFromTheInjectedSource() {
    server.onSequence(READ.path(), UNAVAILABLE, UNAVAILABLE, OK);
    RetryPolicy policy = RetryPolicy.builder().jitter(0.25).jitterSource(() -> 0.5).build();
    try (MimecastClient client = TestClients.hmac(server, time).retryPolicy(policy).build()) {
      client.transport().call(READ, List.of());
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(875), Duration.ofMillis(1750));
  }

  @Test
  void retriesConnectionFailuresThenThrowsAnIoError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    List<CallRecord> records = new ArrayList<>();
    try (MimecastClient client =
        TestClients.hmac(server, time)
            .baseUrl("http://127.0.0.1:" + closedPort)
            .callListener(records::add)
            .build()) {
      assertThatThrownBy(() -> client.account().get())
          .isInstanceOf(MimecastIoException.class)
          .hasMessageContaining("/api/account/get-account")
          .hasMessageContaining("after 4 attempts")
          .hasMessageContaining("request id");
    }
    assertThat(time.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(records).extracting(CallRecord::attempt).containsExactly(1, 2, 3, 4);
    assertThat(records).extracting(CallRecord::httpStatus).containsOnly(0);
    assertThat(records.get(3).outcome()).startsWith("failed: ");
    assertThat(records.get(0).outcome()).startsWith("retrying in 1000 ms: ");
  }

  @Test
  void retriesRetryableFunctionErrors() {
    server.onSequence(
        READ.path(),
        Reply.json(
            200,
            "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[{\"errors\":[{\"code\":\"err_busy\","
                + "\"message\":\"try later\",\"retryable\":true}]}]}"),
        OK);
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThat(client.transport().call(READ, List.of()).data()).hasSize(1);
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void doesNotRetryNonRetryableFunctionErrors() {
    server.on(
        READ.path(),
        request ->
            Reply.json(
                200,
                "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[{\"errors\":[{\"code\":"
                    + "\"err_validation_blank\",\"message\":\"cannot be blank\",\"field\":\"query\","
                    + "\"retryable\":false}]}]}"));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThatThrownBy(() -> client.transport().call(READ, List.of()))
          .isInstanceOf(ApiFunctionException.class);
    }
    assertThat(time.sleeps()).isEmpty();
    assertThat(server.requests(READ.path())).hasSize(1);
  }

  @Test
  void neverRetriesWriteOperations() {
    server.on(WRITE.path(), request -> UNAVAILABLE.withHeader("Retry-After", "1"));
    try (MimecastClient client = TestClients.hmac(server, time).allowWrites(true).build()) {
      assertThatThrownBy(() -> client.transport().call(WRITE, List.of()))
          .isInstanceOf(ServerException.class)
          .hasMessageNotContaining("attempts");
    }
    assertThat(time.sleeps()).isEmpty();
    assertThat(server.requests(WRITE.path())).hasSize(1);
  }

  @Test
  void refusesWriteOperationsUnlessAllowed() {
    server.on(WRITE.path(), request -> OK);
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThatThrownBy(() -> client.transport().call(WRITE, List.of()))
          .isInstanceOf(MimecastConfigException.class)
          .hasMessageContaining("allowWrites(true)");
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void doesNotRetryClientErrors() {
    server.on(READ.path(), request -> Reply.empty(400));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThatThrownBy(() -> client.transport().call(READ, List.of()))
          .isExactlyInstanceOf(MimecastApiException.class)
          .hasMessageContaining("HTTP 400 and an empty body");
    }
    assertThat(server.requests(READ.path())).hasSize(1);
  }

  @Test
  void recordsEveryAttemptWithItsOutcome() {
    server.onSequence(READ.path(), UNAVAILABLE, OK);
    List<CallRecord> records = new ArrayList<>();
    try (MimecastClient client =
        TestClients.hmac(server, time).callListener(records::add).build()) {
      client.transport().call(READ, List.of());
    }
    assertThat(records).hasSize(2);
    assertThat(records.get(0))
        .satisfies(
            record -> {
              assertThat(record.endpoint()).isEqualTo(READ.path());
              assertThat(record.httpStatus()).isEqualTo(503);
              assertThat(record.attempt()).isEqualTo(1);
              assertThat(record.outcome()).isEqualTo("retrying in 1000 ms: HTTP 503");
              assertThat(record.start()).isEqualTo(time.instant().minusSeconds(1));
            });
    assertThat(records.get(1).attempt()).isEqualTo(2);
    assertThat(records.get(1).outcome()).isEqualTo("ok");
    assertThat(records.get(0).requestId()).isNotEqualTo(records.get(1).requestId());
  }
}
