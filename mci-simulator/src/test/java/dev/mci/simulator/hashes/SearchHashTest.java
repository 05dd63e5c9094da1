package dev.mci.simulator.hashes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.AttachmentFile;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchHashTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNKNOWN = "0f9e8d7c".repeat(8);
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

  private static JsonNode search(String... hashes) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("data").addObject().putArray("hashes");
    for (String hash : hashes) {
      list.add(hash);
    }
    return client.v2(HashesArea.SEARCH_HASH, body.toString()).json();
  }

  @Test
  void findsTheScenarioAttachmentAndReportsUnknownHashesAsNotDetected() {
    String scenario = server.tenant().scenario().attachmentSha256();

    JsonNode reply = search(scenario.toUpperCase(), UNKNOWN);

    assertThat(reply.at("/data/0/hashStatus/0/hash").asText()).isEqualTo(scenario.toUpperCase());
    assertThat(reply.at("/data/0/hashStatus/0/detected").asBoolean()).isTrue();
    assertThat(reply.at("/data/0/hashStatus/1/detected").asBoolean()).isFalse();
    assertThat(reply.at("/data/0/failedHashes")).isEmpty();
  }

  @Test
  void malformedOtherTypesAndImageHashesFail() {
    AttachmentFile image =
        server.tenant().attachments().stream()
            .filter(f -> f.contentType().startsWith("image/"))
            .findFirst()
            .orElseThrow();
    String md5 = "d41d8cd98f00b204e9800998ecf8427e";

    JsonNode reply = search("not-a-hash", md5, image.sha256());

    assertThat(reply.at("/data/0/hashStatus")).isEmpty();
    assertThat(reply.at("/data/0/failedHashes"))
        .extracting(JsonNode::asText)
        .containsExactly("not-a-hash", md5, image.sha256());
  }

  @Test
  void moreThanAHundredHashesIsAValidationFailure() {
    String[] hashes = new String[101];
    java.util.Arrays.fill(hashes, UNKNOWN);

    JsonNode reply = search(hashes);

    assertThat(reply.get("data")).isEmpty();
    assertThat(reply.at("/fail/0/errors/0/code").asText()).isEqualTo("err_validation_max_size");
  }
}
