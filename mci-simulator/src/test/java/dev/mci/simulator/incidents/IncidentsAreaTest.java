package dev.mci.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IncidentsAreaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private static SimulatorServer server;
  private static SimClient client;

  @BeforeAll
  static void start() {
    server = SimulatorServer.start(SimulatorConfig.builder().clock(CLOCK).build());
    client = new SimClient(server, CLOCK);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode find(ObjectNode item, int pageSize, String token) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode pagination = body.putObject("meta").putObject("pagination");
    pagination.put("pageSize", pageSize);
    if (token != null) {
      pagination.put("pageToken", token);
    }
    body.putArray("data").add(item);
    return client.v1(IncidentsArea.FIND_INCIDENTS, body.toString()).json();
  }

  private static ObjectNode lastYear() {
    return JSON.createObjectNode()
        .put("start", ApiDates.format(CLOCK.instant().minus(Duration.ofDays(365))));
  }

  @Test
  void findPagesNewestFirstAndGetReturnsEachOne() {
    List<JsonNode> found = new ArrayList<>();
    String token = null;
    do {
      JsonNode page = find(lastYear(), 2, token);
      page.at("/data/0/incidents").forEach(found::add);
      token =
          page.at("/meta/pagination/next").isTextual()
              ? page.at("/meta/pagination/next").asText()
              : null;
    } while (token != null);

    assertThat(found).hasSize(server.tenant().activity().incidents().size());
    assertThat(found.stream().map(i -> i.path("create").asText()).toList())
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    for (JsonNode incident : found) {
      ObjectNode body = JSON.createObjectNode();
      body.putArray("data").addObject().put("id", incident.path("id").asText());
      JsonNode got = client.v2(IncidentsArea.GET_INCIDENT, body.toString()).json();
      assertThat(got.at("/data/0")).isEqualTo(incident);
    }
    assertThat(found)
        .anySatisfy(
            i ->
                assertThat(i.at("/searchCriteria/messageId").asText())
                    .isEqualTo(server.tenant().scenario().messageIdHeader()));
  }

  @Test
  void filtersByTypeAndNeedsAtLeastOneField() {
    ObjectNode automatic = lastYear();
    automatic.putObject("filterBy").put("fieldName", "type").put("value", "manual,notify_only");
    JsonNode reply = find(automatic, 50, null);
    assertThat(reply.at("/data/0/incidents"))
        .isNotEmpty()
        .allMatch(i -> List.of("manual", "notify_only").contains(i.path("type").asText()));

    assertThat(find(JSON.createObjectNode(), 50, null).at("/fail/0/errors/0/code").asText())
        .isEqualTo("err_validation_at_least_one_not_null");
  }

  @Test
  void anUnknownIdIsAnInvalidToken() {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("data").addObject().put("id", "eNo1jkUNKNOWN");

    JsonNode reply = client.v2(IncidentsArea.GET_INCIDENT, body.toString()).json();

    assertThat(reply.get("data")).isEmpty();
    assertThat(reply.at("/fail/0/key/id").asText()).isEqualTo("eNo1jkUNKNOWN");
    assertThat(reply.at("/fail/0/errors/0/code").asText()).isEqualTo("xdk_failure");
  }
}
