package dev.mci.simulator.urls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ManagedUrlsTest {

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
  void listsEveryEntryWithPageSizeAndTotalCountWhenDataIsEmpty() {
    JsonNode reply = client.v2(UrlsArea.MANAGED_URLS, "{\"data\":[]}").json();

    int total = server.tenant().activity().managedUrls().size();
    assertThat(reply.get("data")).hasSize(total);
    assertThat(reply.at("/meta/pagination/pageSize").asInt()).isEqualTo(total);
    assertThat(reply.at("/meta/pagination/totalCount").asInt()).isEqualTo(total);
    assertThat(reply.at("/data/0/id").asText()).startsWith("wOi3MC");
    assertThat(reply.at("/data/0/port").asInt()).isEqualTo(-1);
  }

  @Test
  void filtersByPartOfADomainOrExactly() {
    String lookalike = server.tenant().scenario().senderDomain();
    ObjectNode partial = JSON.createObjectNode();
    partial.putArray("data").addObject().put("domainOrUrl", lookalike);
    JsonNode reply = client.v1(UrlsArea.MANAGED_URLS, partial.toString()).json();
    assertThat(reply.get("data")).hasSize(2);

    ObjectNode exact = JSON.createObjectNode();
    exact.putArray("data").addObject().put("domainOrUrl", lookalike).put("exactMatch", true);
    JsonNode one = client.v1(UrlsArea.MANAGED_URLS, exact.toString()).json();
    assertThat(one.get("data")).hasSize(1);
    assertThat(one.at("/data/0/matchType").asText()).isEqualTo("domain");
    assertThat(one.at("/data/0/action").asText()).isEqualTo("block");
  }

  @Test
  void pagesWithTokens() {
    JsonNode first =
        client
            .v1(UrlsArea.MANAGED_URLS, "{\"meta\":{\"pagination\":{\"pageSize\":2}},\"data\":[]}")
            .json();
    assertThat(first.get("data")).hasSize(2);
    String token = first.at("/meta/pagination/next").asText();
    JsonNode second =
        client
            .v1(
                UrlsArea.MANAGED_URLS,
                "{\"meta\":{\"pagination\":{\"pageSize\":2,\"pageToken\":\"" + token + "\"}}}")
            .json();
    assertThat(second.at("/data/0/id")).isNotEqualTo(first.at("/data/0/id"));
    assertThat(second.at("/meta/pagination/previous").isTextual()).isTrue();
  }
}
