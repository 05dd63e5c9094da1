package dev.mci.simulator.urls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.MessageUrl;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecodeUrlTest {

  private static final String DECODE = "/api/ttp/url/decode-url";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SimulatorServer server;
  private static SimClient client;

  @BeforeAll
  static void start() {
    MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    server = SimulatorServer.start(SimulatorConfig.builder().clock(clock).build());
    client = new SimClient(server, clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void decodesTheScenarioUrl() {
    MessageUrl url = server.tenant().scenario().maliciousUrl();

    JsonNode reply = decode(url.rewritten());

    assertThat(reply.get("data")).hasSize(1);
    assertThat(reply.at("/data/0/url").asText()).isEqualTo(url.original());
    assertThat(reply.at("/data/0/success").asBoolean()).isTrue();
    assertThat(reply.get("fail")).isEmpty();
  }

  @Test
  void decodesSeveralItemsAndFailsForeignOnesWithTheirKey() {
    MessageUrl first = server.tenant().urls().get(0);
    MessageUrl second = server.tenant().urls().get(1);
    String foreign = "https://protect-us.mimecast.com/s/Q3jhCqj0xiOhZIM36?domain=testxyz.com";

    JsonNode reply = decode(first.rewritten(), foreign, second.rewritten(), "not a url");

    assertThat(reply.get("data")).hasSize(2);
    assertThat(reply.at("/data/0/url").asText()).isEqualTo(first.original());
    assertThat(reply.at("/data/1/url").asText()).isEqualTo(second.original());
    assertThat(reply.get("fail")).hasSize(2);
    assertThat(reply.at("/fail/0/key/url").asText()).isEqualTo(foreign);
    assertThat(reply.at("/fail/0/errors/0/code").asText()).isEqualTo("err_url_decode_failed");
    assertThat(reply.at("/fail/1/key/url").asText()).isEqualTo("not a url");
  }

  @Test
  void itemWithoutUrlIsAValidationError() {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("data").addObject().put("other", "x");

    JsonNode reply = client.v2(DECODE, body.toString()).json();

    assertThat(reply.at("/fail/0/errors/0/code").asText()).isEqualTo("err_validation_null");
    assertThat(reply.at("/fail/0/errors/0/field").asText()).isEqualTo("url");
  }

  private static JsonNode decode(String... urls) {
    ObjectNode body = JSON.createObjectNode();
    for (String url : urls) {
      body.withArray("data").addObject().put("url", url);
    }
    SimClient.Reply reply = client.v1(DECODE, body.toString());
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }
}
