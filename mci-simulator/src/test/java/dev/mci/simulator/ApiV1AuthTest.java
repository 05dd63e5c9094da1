package dev.mci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import dev.mci.simulator.testing.TestSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiV1AuthTest {

  private static final String ACCOUNT = "/api/account/get-account";
  private static final String BODY = "{\"data\":[]}";
  private static MutableClock clock;
  private static SimulatorServer server;
  private static SimClient client;
  private static SimulatorCredentials credentials;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    server =
        SimulatorServer.start(
            SimulatorConfig.builder()
                .clock(clock)
                .allowedClockSkew(Duration.ofMinutes(15))
                .build());
    client = new SimClient(server, clock);
    credentials = server.credentials();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.requests().clear();
  }

  @Test
  void acceptsACorrectlySignedRequest() {
    SimClient.Reply reply = client.v1(ACCOUNT, BODY);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().at("/data/0/accountCode").asText())
        .isEqualTo(server.tenant().account().accountCode());
  }

  @Test
  void acceptsTheGmtZoneInTheDateHeader() {
    String date = TestSigner.date(clock.instant()).replace("UTC", "GMT");
    Map<String, String> headers =
        client.signedHeaders(
            ACCOUNT, credentials.accessKey(), credentials.secretKey(), credentials.appId(), date);

    assertThat(client.v1(ACCOUNT, BODY, headers).status()).isEqualTo(200);
  }

  @Test
  void missingAuthorizationIsCredentialsMissing() {
    Map<String, String> headers = new LinkedHashMap<>(client.signedHeaders(ACCOUNT));
    headers.remove("Authorization");

    SimClient.Reply reply = client.v1(ACCOUNT, BODY, headers);

    assertFailure(reply, 400, "err_xdk_credentials_missing", "0001 Credentials missing");
  }

  @Test
  void bearerTokenIsAnUnsupportedAuthenticationType() {
    SimClient.Reply reply =
        client.v1(ACCOUNT, BODY, Map.of("Authorization", "Bearer " + client.token()));

    assertFailure(
        reply, 401, "err_xdk_auth_type_not_supported", "0001 Authentication type not supported");
  }

  @Test
  void unknownApplicationIdIsAFunctionErrorUnderHttp200() {
    Map<String, String> headers =
        client.signedHeaders(
            ACCOUNT,
            credentials.accessKey(),
            credentials.secretKey(),
            "INVALID",
            TestSigner.date(clock.instant()));

    SimClient.Reply reply = client.v1(ACCOUNT, BODY, headers);

    assertFailure(reply, 200, "err_developer_key", "App ID is invalid: INVALID");
  }

  @Test
  void wrongSecretKeyIsAnInvalidSignature() {
    Map<String, String> headers =
        client.signedHeaders(
            ACCOUNT,
            credentials.accessKey(),
            credentials.expiredSecretKey(),
            credentials.appId(),
            TestSigner.date(clock.instant()));

    assertFailure(
        client.v1(ACCOUNT, BODY, headers),
        401,
        "err_xdk_invalid_signature",
        "0004 Invalid Signature");
  }

  @Test
  void signatureOverAnotherPathIsRejected() {
    Map<String, String> headers = client.signedHeaders("/api/message-finder/search");

    assertThat(client.v1(ACCOUNT, BODY, headers).status()).isEqualTo(401);
  }

  @Test
  void straySpaceAfterTheColonIsRejected() {
    Map<String, String> headers = new LinkedHashMap<>(client.signedHeaders(ACCOUNT));
    headers.put("Authorization", headers.get("Authorization").replace(":", ": "));

    assertThat(client.v1(ACCOUNT, BODY, headers).status()).isEqualTo(401);
  }

  @Test
  void expiredBindingAnswers418() {
    Map<String, String> headers =
        client.signedHeaders(
            ACCOUNT,
            credentials.expiredAccessKey(),
            credentials.expiredSecretKey(),
            credentials.appId(),
            TestSigner.date(clock.instant()));

    SimClient.Reply reply = client.v1(ACCOUNT, BODY, headers);

    assertThat(reply.status()).isEqualTo(418);
    assertThat(reply.json().at("/meta/status").asInt()).isEqualTo(418);
    assertThat(reply.json().at("/fail/0/errors/0/code").asText())
        .isEqualTo("err_xdk_binding_expired");
  }

  @Test
  void dateOutsideTheAllowedSkewIsRejected() {
    String staleDate = TestSigner.date(clock.instant().minus(Duration.ofMinutes(16)));
    Map<String, String> stale =
        client.signedHeaders(
            ACCOUNT,
            credentials.accessKey(),
            credentials.secretKey(),
            credentials.appId(),
            staleDate);
    String nearDate = TestSigner.date(clock.instant().plus(Duration.ofMinutes(14)));
    Map<String, String> near =
        client.signedHeaders(
            ACCOUNT,
            credentials.accessKey(),
            credentials.secretKey(),
            credentials.appId(),
            nearDate);

    assertThat(client.v1(ACCOUNT, BODY, stale).json().at("/fail/0/errors/0/code").asText())
        .isEqualTo("err_xdk_invalid_date");
    assertThat(client.v1(ACCOUNT, BODY, stale).status()).isEqualTo(401);
    assertThat(client.v1(ACCOUNT, BODY, near).status()).isEqualTo(200);
  }

  @Test
  void recordsTheRequestIdAndScheme() {
    Map<String, String> headers = client.signedHeaders(ACCOUNT);

    client.v1(ACCOUNT, BODY, headers);

    RecordedRequest recorded = server.requests().all().get(0);
    assertThat(recorded.api()).isEqualTo(ApiGeneration.V1);
    assertThat(recorded.authScheme()).isEqualTo(AuthScheme.MC);
    assertThat(recorded.requestId()).contains(headers.get("x-mc-req-id"));
    assertThat(recorded.path()).isEqualTo(ACCOUNT);
    assertThat(recorded.method()).isEqualTo("POST");
    assertThat(recorded.status()).isEqualTo(200);
    assertThat(recorded.time()).isEqualTo(clock.instant());
  }

  @Test
  void failureBodiesNeverEchoSecrets() {
    Map<String, String> headers = new LinkedHashMap<>(client.signedHeaders(ACCOUNT));
    headers.put("Authorization", "MC " + credentials.accessKey() + ":" + credentials.secretKey());

    SimClient.Reply reply = client.v1(ACCOUNT, BODY, headers);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body())
        .doesNotContain(credentials.secretKey())
        .doesNotContain(credentials.appKey());
  }

  private static void assertFailure(
      SimClient.Reply reply, int status, String code, String message) {
    assertThat(reply.status()).isEqualTo(status);
    JsonNode body = reply.json();
    assertThat(body.at("/meta/status").asInt()).isEqualTo(status);
    assertThat(body.get("data")).isEmpty();
    assertThat(body.at("/fail/0/errors/0/code").asText()).isEqualTo(code);
    assertThat(body.at("/fail/0/errors/0/message").asText()).isEqualTo(message);
    assertThat(body.at("/fail/0/errors/0/retryable").asBoolean()).isFalse();
    assertThat(body.at("/fail/0").has("key")).isFalse();
  }
}
