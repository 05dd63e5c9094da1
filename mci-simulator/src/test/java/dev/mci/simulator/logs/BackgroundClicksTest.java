package dev.mci.simulator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BackgroundClicksTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private static final int VOLUME = 3_000;
  private static SimulatorServer server;
  private static SimClient client;

  @BeforeAll
  static void start() {
    server =
        SimulatorServer.start(
            SimulatorConfig.builder().clock(CLOCK).urlLogBackground(VOLUME).build());
    client = new SimClient(server, CLOCK);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode page(boolean oldestFirst, int pageSize, String token) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode pagination = body.putObject("meta").putObject("pagination");
    pagination.put("pageSize", pageSize);
    if (token != null) {
      pagination.put("pageToken", token);
    }
    body.putArray("data")
        .addObject()
        .put("from", ApiDates.format(server.tenant().messagesFrom()))
        .put("to", ApiDates.format(server.tenant().now()))
        .put("oldestFirst", oldestFirst);
    return client.v1(LogsArea.URL_LOGS, body.toString()).json();
  }

  private static List<String> walk(boolean oldestFirst) {
    List<String> dates = new ArrayList<>();
    String token = null;
    do {
      JsonNode reply = page(oldestFirst, 500, token);
      reply.at("/data/0/clickLogs").forEach(r -> dates.add(r.path("date").asText()));
      token =
          reply.at("/meta/pagination/next").isTextual()
              ? reply.at("/meta/pagination/next").asText()
              : null;
    } while (token != null);
    return dates;
  }

  @Test
  void backgroundClicksMergeWithRealOnesInTimeOrder() {
    JsonNode first = page(true, 10, null);
    long total = first.at("/meta/pagination/totalCount").asLong();
    assertThat(total).isGreaterThan(VOLUME);

    List<String> ascending = walk(true);
    List<String> descending = walk(false);

    assertThat(ascending).hasSize((int) total).isSorted();
    List<String> reversed = new ArrayList<>(descending);
    java.util.Collections.reverse(reversed);
    assertThat(reversed).isEqualTo(ascending);
  }
}
