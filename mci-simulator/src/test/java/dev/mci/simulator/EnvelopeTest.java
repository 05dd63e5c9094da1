package dev.mci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeTest {

  private static final String ACCOUNT = "/api/account/get-account";
  private static MutableClock clock;
  private static SimulatorServer server;
  private static SimClient client;
  private static String token;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    server = SimulatorServer.start(SimulatorConfig.builder().clock(clock).build());
    client = new SimClient(server, clock);
    token = client.token();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"data\":[]}", "{\"data\":[{}]}", "{\"data\":null}"})
  void endpointsWithoutInputAcceptMissingEmptyAndEmptyObjectData(String body) {
    SimClient.Reply reply = client.v2(ACCOUNT, body, token);

    assertThat(reply.status()).isEqualTo(200);
    assertEnvelope(reply.json(), 200);
    assertThat(reply.json().get("data")).hasSize(1);
    assertThat(reply.json().get("fail")).isEmpty();
  }

  @Test
  void ignoresUnknownKeysAndNulls() {
    SimClient.Reply reply =
        client.v2(
            ACCOUNT,
            "{\"meta\":{\"pagination\":{\"page_size\":3,\"pageToken\":null}},\"extra\":1,"
                + "\"data\":[{\"whatever\":null}]}",
            token);

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void otherMethodsAreNotAllowed() {
    SimClient.Reply reply =
        client.send(
            HttpRequest.newBuilder(server.baseUrl().resolve(ACCOUNT))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());

    assertThat(reply.status()).isEqualTo(405);
    assertEnvelope(reply.json(), 405);
    assertThat(reply.header("Allow")).isEqualTo("POST");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[]", "\"text\"", "{\"data\":{}}", "{\"data\":[1]}"})
  void rejectsBodiesThatAreNotAnEnvelope(String body) {
    SimClient.Reply reply = client.v2(ACCOUNT, body, token);

    assertThat(reply.status()).isEqualTo(400);
    assertEnvelope(reply.json(), 400);
    assertThat(reply.json().at("/fail/0/errors/0/code").asText())
        .isEqualTo("err_invalid_request_body");
  }

  @Test
  void unknownApiPathIsNotFound() {
    SimClient.Reply reply = client.v2("/api/does-not/exist", "{\"data\":[]}", token);

    assertThat(reply.status()).isEqualTo(404);
    assertEnvelope(reply.json(), 404);
    assertThat(reply.json().at("/fail/0/errors/0/code").asText())
        .isEqualTo("err_resource_not_found");
  }

  @Test
  void unknownPathOutsideTheApiIsNotFound() {
    SimClient.Reply reply =
        client.send(HttpRequest.newBuilder(server.baseUrl().resolve("/favicon.ico")).GET().build());

    assertThat(reply.status()).isEqualTo(404);
    assertEnvelope(reply.json(), 404);
  }

  @Test
  void servesTheSameEndpointsOnBothGenerations() {
    assertThat(client.v1(ACCOUNT, "{\"data\":[]}").json())
        .isEqualTo(client.v2(ACCOUNT, "{\"data\":[]}", token).json());
  }

  @Test
  void answersJson() {
    SimClient.Reply reply = client.v2(ACCOUNT, "{}", token);

    assertThat(reply.header("Content-Type")).startsWith("application/json");
  }

  private static void assertEnvelope(JsonNode body, int status) {
    assertThat(body.at("/meta/status").asInt()).isEqualTo(status);
    assertThat(body.get("data").isArray()).isTrue();
    assertThat(body.get("fail").isArray()).isTrue();
  }
}
