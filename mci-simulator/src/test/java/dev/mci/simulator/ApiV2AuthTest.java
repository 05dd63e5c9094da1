package dev.mci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiV2AuthTest {

  private static final String ACCOUNT = "/api/account/get-account";
  private static MutableClock clock;
  private static SimulatorServer server;
  private static SimClient client;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    server =
        SimulatorServer.start(
            SimulatorConfig.builder().clock(clock).tokenTtl(Duration.ofSeconds(1799)).build());
    client = new SimClient(server, clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.requests().clear();
    server.faults().clear();
  }

  @Test
  void issuesBearerTokenForClientCredentials() {
    SimulatorCredentials c = server.credentials();
    SimClient.Reply reply =
        client.tokenRequest(SimClient.form(c.clientId(), c.clientSecret(), "client_credentials"));

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(1799);
    assertThat(body.get("scope").asText()).isEmpty();
    assertThat(body.get("access_token").asText()).isNotBlank();
  }

  @Test
  void tokenAuthorisesApiCalls() {
    SimClient.Reply reply = client.v2(ACCOUNT, "{\"data\":[]}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().at("/data/0/accountCode").asText())
        .isEqualTo(server.tenant().account().accountCode());
  }

  @Test
  void acceptsClientCredentialsInBasicAuthentication() {
    SimulatorCredentials c = server.credentials();
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (c.clientId() + ":" + c.clientSecret()).getBytes(StandardCharsets.UTF_8));
    SimClient.Reply reply =
        client.send(
            HttpRequest.newBuilder(server.baseUrl().resolve("/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build());

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void rejectsBadClientSecretWithFlatUnauthorizedBody() {
    SimClient.Reply reply =
        client.tokenRequest(
            SimClient.form(server.credentials().clientId(), "wrong", "client_credentials"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().toString())
        .isEqualTo(
            "{\"fail\":[{\"code\":\"unauthorized\",\"message\":\"Invalid client credentials\"}]}");
    assertThat(reply.body()).doesNotContain("wrong");
  }

  @Test
  void rejectsOtherGrantTypes() {
    SimulatorCredentials c = server.credentials();
    SimClient.Reply reply =
        client.tokenRequest(SimClient.form(c.clientId(), c.clientSecret(), "password"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().at("/fail/0/code").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void missingAuthorizationIsUnauthorized() {
    SimClient.Reply reply =
        client.send(
            HttpRequest.newBuilder(server.baseUrl().resolve(ACCOUNT))
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":[]}"))
                .build());

    assertUnauthorized(reply, "unauthorized");
  }

  @Test
  void unknownTokenIsUnauthorized() {
    assertUnauthorized(client.v2(ACCOUNT, "{\"data\":[]}", "not-a-token"), "unauthorized");
  }

  @Test
  void apiV1SignatureIsRejectedOnTheV2Base() {
    SimClient.Reply reply =
        client.send(
            HttpRequest.newBuilder(server.baseUrl().resolve(ACCOUNT))
                .header("Authorization", "MC " + server.credentials().accessKey() + ":abc=")
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":[]}"))
                .build());

    assertUnauthorized(reply, "unauthorized");
  }

  @Test
  void expireAllTokensMakesIssuedTokensAnswerTokenExpired() {
    String token = client.token();
    assertThat(client.v2(ACCOUNT, "{}", token).status()).isEqualTo(200);

    server.expireAllTokens();

    assertUnauthorized(client.v2(ACCOUNT, "{}", token), "token_expired");
    assertThat(client.v2(ACCOUNT, "{}", client.token()).status()).isEqualTo(200);
  }

  @Test
  void tokensExpireWhenTheirLifetimeHasPassed() {
    String token = client.token();
    clock.advance(Duration.ofSeconds(1798));
    assertThat(client.v2(ACCOUNT, "{}", token).status()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(1));

    assertUnauthorized(client.v2(ACCOUNT, "{}", token), "token_expired");
  }

  @Test
  void apiV1OnlyEndpointsAreForbiddenToTheApplication() {
    for (String path : new String[] {"/api/audit/get-siem-logs", "/api/login/login"}) {
      SimClient.Reply reply = client.v2(path, "{\"data\":[]}");

      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.json().at("/meta/status").asInt()).isEqualTo(403);
      assertThat(reply.json().at("/fail/0/errors/0/code").asText()).isEqualTo("app_forbidden");
    }
  }

  @Test
  void tokenEndpointOnlyAcceptsPost() {
    SimClient.Reply reply =
        client.send(HttpRequest.newBuilder(server.baseUrl().resolve("/oauth/token")).GET().build());

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.json().at("/fail/0/code").asText()).isEqualTo("err_method_not_allowed");
  }

  @Test
  void tokenEndpointDoesNotExistOnTheV1Base() {
    SimulatorCredentials c = server.credentials();
    SimClient.Reply reply =
        client.send(
            HttpRequest.newBuilder(server.baseUrlV1().resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        SimClient.form(c.clientId(), c.clientSecret(), "client_credentials")))
                .build());

    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void recordsTokenRequestsSoTestsCanCountRefreshes() {
    client.token();
    client.token();

    assertThat(server.requests().count("/oauth/token")).isEqualTo(2);
    assertThat(server.requests().all())
        .allSatisfy(r -> assertThat(r.api()).isEqualTo(ApiGeneration.V2));
  }

  private static void assertUnauthorized(SimClient.Reply reply, String code) {
    assertThat(reply.status()).isEqualTo(401);
    JsonNode body = reply.json();
    assertThat(body.at("/meta/status").asInt()).isEqualTo(401);
    assertThat(body.get("data")).isEmpty();
    // Both shapes carry the code (reference 00 §3.2).
    assertThat(body.at("/fail/0/code").asText()).isEqualTo(code);
    assertThat(body.at("/fail/0/errors/0/code").asText()).isEqualTo(code);
    assertThat(body.at("/fail/0/errors/0/retryable").asBoolean()).isFalse();
  }
}
