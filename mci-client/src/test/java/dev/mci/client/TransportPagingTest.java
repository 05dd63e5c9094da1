package dev.mci.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.internal.Json;
import dev.mci.client.internal.Operation;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportPagingTest {

  private static final Operation LIST = Operation.readPaged("/api/test/list");

  /** Pages by request token; the third is empty but still carries a next token. */
  private static final Map<String, String> PAGES =
      Map.of(
          "",
          "{\"meta\":{\"status\":200,\"pagination\":{\"pageSize\":0,\"totalCount\":3,"
              + "\"next\":\"t1\"}},\"data\":[1,2],\"fail\":[]}",
          "t1",
          "{\"meta\":{\"status\":200,\"pagination\":{\"pageSize\":0,\"next\":\"t2\","
              + "\"previous\":\"t0\"}},\"data\":[3],\"fail\":[]}",
          "t2",
          "{\"meta\":{\"status\":200,\"pagination\":{\"pageSize\":0,\"next\":\"t3\"}},"
              + "\"data\":[],\"fail\":[]}");

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2025-03-31T12:00:00Z");

  @BeforeEach
  void scriptPages() {
    server.on(
        LIST.path(),
        request -> {
          JsonNode body = Json.parse(request.body().getBytes(StandardCharsets.UTF_8)).orElseThrow();
          String token = body.path("meta").path("pagination").path("pageToken").asText("");
          return Reply.json(200, PAGES.get(token));
        });
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static List<ObjectNode> filter() {
    ObjectNode item = Json.object();
    item.put("query", "phish");
    return List.of(item);
  }

  private static AutoPager<Integer> pager(MimecastClient client) {
    return client
        .transport()
        .pager(
            LIST, filter(), 2, envelope -> envelope.data().stream().map(JsonNode::asInt).toList());
  }

  @Test
  void walksPagesSendingPageSizeTokensAndTheSameData() throws Exception {
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThat(pager(client)).containsExactly(1, 2, 3);
    }
    List<JsonNode> bodies =
        server.requests(LIST.path()).stream().map(request -> parse(request.body())).toList();
    assertThat(bodies).hasSize(3);
    assertThat(bodies)
        .extracting(body -> body.path("meta").path("pagination").path("pageSize").asInt())
        .containsOnly(2);
    assertThat(bodies)
        .extracting(body -> body.path("meta").path("pagination").path("pageToken").asText(null))
        .containsExactly(null, "t1", "t2");
    assertThat(bodies)
        .extracting(body -> body.path("data").toString())
        .containsOnly("[{\"query\":\"phish\"}]");
  }

  @Test
  void resumesFromASavedTokenWithTheSameData() {
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      AutoPager<Integer> pager = pager(client);
      pager.pages().iterator().next();
      String saved = pager.nextPageToken().orElseThrow();
      assertThat(pager(client).startingAt(saved)).containsExactly(3);
    }
    JsonNode resumed = parse(server.requests(LIST.path()).get(1).body());
    assertThat(resumed.path("meta").path("pagination").path("pageToken").asText()).isEqualTo("t1");
    assertThat(resumed.path("data").toString()).isEqualTo("[{\"query\":\"phish\"}]");
  }

  @Test
  void exposesTheTotalCount() {
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      assertThat(pager(client).pages().iterator().next().totalCount()).hasValue(3);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return Json.parse(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
