package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.client.internal.Operation;
import dev.mci.client.internal.RateGate;
import dev.mci.client.internal.RateLimitHeaders;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateGateTest {

  private static final Operation READ = Operation.read("/api/test/read");
  private static final Reply OK =
      Reply.json(200, "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[]}");
  private static final Reply LAST_REQUEST =
      OK.withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", "1500");

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2025-03-31T12:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void holdsTheNextCallUntilTheResetWhenRemainingHitsZero() {
    server.onSequence(READ.path(), LAST_REQUEST, OK);
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      client.transport().call(READ, List.of());
      assertThat(time.sleeps()).isEmpty();
      client.transport().call(READ, List.of());
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void doesNotHoldCallsWhileRequestsRemain() {
    server.on(
        READ.path(),
        request ->
            OK.withHeader("X-RateLimit-Remaining", "799").withHeader("X-RateLimit-Reset", "4000"));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      client.transport().call(READ, List.of());
      client.transport().call(READ, List.of());
    }
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aResetThatAlreadyPassedCostsNoWait() {
    server.onSequence(READ.path(), LAST_REQUEST, OK);
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      client.transport().call(READ, List.of());
      time.advance(Duration.ofSeconds(2));
      client.transport().call(READ, List.of());
    }
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void sharesOneGateBetweenClientsOfTheSameCredential() {
    server.onSequence(READ.path(), LAST_REQUEST, OK);
    HmacCredentials shared = TestClients.hmacCredentials();
    try (MimecastClient first = TestClients.hmac(server, time).credentials(shared).build();
        MimecastClient second = TestClients.hmac(server, time).credentials(shared).build()) {
      first.transport().call(READ, List.of());
      second.transport().call(READ, List.of());
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void doesNotHoldClientsOfOtherCredentials() {
    server.onSequence(READ.path(), LAST_REQUEST, OK);
    try (MimecastClient first = TestClients.hmac(server, time).build();
        MimecastClient other = TestClients.hmac(server, time).build()) {
      first.transport().call(READ, List.of());
      other.transport().call(READ, List.of());
    }
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void gatesApi2CallsPerClientId() {
    server.tokens("token-A").onSequence(READ.path(), LAST_REQUEST, OK);
    OAuth2Credentials shared = TestClients.oauthCredentials();
    try (MimecastClient first = TestClients.oauth(server, time).credentials(shared).build();
        MimecastClient second = TestClients.oauth(server, time).credentials(shared).build()) {
      first.transport().call(READ, List.of());
      time.advance(Duration.ofMillis(500));
      second.transport().call(READ, List.of());
    }
    // The second client's token request waits too: the bucket is per application.
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1000));
  }

  @Test
  void whileTheBucketIsEmptyCallersPassOnePerRefillIntervalNotAllAtOnce() throws Exception {
    RateGate gate = RateGate.forCredential("test:" + UUID.randomUUID());
    gate.observe(200, emptyBucket(Duration.ofMillis(100)), time.instant());

    // Three callers that arrived together, before any of them had an answer.
    gate.acquire(time, time);
    gate.acquire(time, time);
    gate.acquire(time, time);

    assertThat(time.sleeps())
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100));
  }

  @Test
  void anAnswerWithRoomLeftEndsThePacing() throws Exception {
    RateGate gate = RateGate.forCredential("test:" + UUID.randomUUID());
    Instant start = time.instant();
    gate.observe(200, emptyBucket(Duration.ofMillis(100)), start);
    gate.acquire(time, time);
    gate.observe(
        200,
        new RateLimitHeaders(OptionalLong.of(3), Optional.of(Duration.ZERO), Optional.empty()),
        time.instant());

    gate.acquire(time, time);
    gate.acquire(time, time);

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
  }

  private static RateLimitHeaders emptyBucket(Duration reset) {
    return new RateLimitHeaders(OptionalLong.of(0), Optional.of(reset), Optional.empty());
  }
}
