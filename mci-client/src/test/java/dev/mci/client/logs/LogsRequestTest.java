package dev.mci.client.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.client.MimecastClient;
import dev.mci.client.internal.Json;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the log calls put on the wire: the reference's field names, shapes and defaults. */
class LogsRequestTest {

  private static final String EMPTY = "{\"meta\":{\"status\":200},\"data\":[],\"fail\":[]}";

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = FakeTime.at("2025-03-31T12:00:00Z");

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** The body of the last request {@code call} sent to {@code path}. */
  private JsonNode sent(String path, java.util.function.Consumer<MimecastClient> call) {
    server.on(path, request -> Reply.json(200, EMPTY));
    try (MimecastClient client = TestClients.hmac(server, time).build()) {
      call.accept(client);
    }
    try {
      List<ScriptedServer.Recorded> requests = server.requests(path);
      return Json.parse(requests.get(requests.size() - 1).body().getBytes(StandardCharsets.UTF_8))
          .orElseThrow();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void urlLogsSendDatesFiltersAndThePageSize() {
    JsonNode body =
        sent(
            "/api/ttp/url/get-logs",
            c ->
                c.logs()
                    .urlLogs(
                        UrlLogQuery.builder()
                            .from(Instant.parse("2025-03-30T00:00:00Z"))
                            .to(Instant.parse("2025-03-31T00:00:00Z"))
                            .route("Inbound")
                            .scanResult("malicious")
                            .oldestFirst(true)
                            .pageSize(200)
                            .build())
                    .forEach(r -> {}));

    assertThat(body.at("/meta/pagination/pageSize").asInt()).isEqualTo(200);
    JsonNode item = body.at("/data/0");
    assertThat(item.path("from").asText()).isEqualTo("2025-03-30T00:00:00+0000");
    assertThat(item.path("to").asText()).isEqualTo("2025-03-31T00:00:00+0000");
    assertThat(item.path("route").asText()).isEqualTo("inbound");
    assertThat(item.path("scanResult").asText()).isEqualTo("malicious");
    assertThat(item.path("oldestFirst").asBoolean()).isTrue();
  }

  @Test
  void rejectionsAskAsAdministratorUnlessAMailboxIsGiven() {
    JsonNode everyone =
        sent(
            "/api/gateway/get-rejections",
            c -> c.logs().rejections(RejectionLogQuery.builder().build()).forEach(r -> {}));
    assertThat(everyone.at("/data/0/admin").asBoolean()).isTrue();
    assertThat(everyone.at("/data/0").has("mailbox")).isFalse();

    JsonNode one =
        sent(
            "/api/gateway/get-rejections",
            c ->
                c.logs()
                    .rejections(
                        RejectionLogQuery.builder()
                            .mailbox("dana@acme.example")
                            .search("remoteIp", "198.51.100.77")
                            .build())
                    .forEach(r -> {}));
    assertThat(one.at("/data/0/mailbox").asText()).isEqualTo("dana@acme.example");
    assertThat(one.at("/data/0").has("admin")).isFalse();
    assertThat(one.at("/data/0/searchBy/fieldName").asText()).isEqualTo("remoteIp");
    assertThat(one.at("/data/0/searchBy/value").asText()).isEqualTo("198.51.100.77");
  }

  @Test
  void heldMessagesSendTheDocumentedReasonCodeSpellingAndFilterList() {
    JsonNode body =
        sent(
            "/api/gateway/get-hold-message-list",
            c ->
                c.logs()
                    .heldMessages(
                        HeldMessageQuery.builder()
                            .search("reasonCode", "message_hold_applied_spam_signature_policy")
                            .route("INBOUND")
                            .heldGroup("user")
                            .build())
                    .forEach(r -> {}));

    JsonNode item = body.at("/data/0");
    assertThat(item.path("admin").asBoolean()).isTrue();
    assertThat(item.at("/searchBy/fieldName").asText()).isEqualTo("reason_code");
    assertThat(item.path("filterBy"))
        .extracting(f -> f.path("fieldName").asText() + "=" + f.path("value").asText())
        .containsExactly("route=inbound", "heldGroup=user");
  }

  @Test
  void releaseLogsSendSearchByAndFilterBy() {
    JsonNode body =
        sent(
            "/api/gateway/get-held-release-logs",
            c ->
                c.logs()
                    .releaseLogs(
                        ReleaseLogQuery.builder()
                            .search("operator", "soc@acme.example")
                            .status("REJECTED")
                            .attachments(false)
                            .build())
                    .forEach(r -> {}));

    JsonNode item = body.at("/data/0");
    assertThat(item.at("/searchBy/fieldName").asText()).isEqualTo("operator");
    assertThat(item.path("filterBy"))
        .extracting(f -> f.path("fieldName").asText() + "=" + f.path("value").asText())
        .containsExactly("status=rejected", "attachments=false");
  }

  @Test
  void impersonationLogsSendIdentifiersAndActionsAsLists() {
    JsonNode body =
        sent(
            "/api/ttp/impersonation/get-logs",
            c ->
                c.logs()
                    .impersonationLogs(
                        ImpersonationLogQuery.builder()
                            .taggedMalicious(false)
                            .search("subject", " gift cards ")
                            .identifiers(List.of("internal_user_name"))
                            .actions(List.of("Hold"))
                            .build())
                    .forEach(r -> {}));

    JsonNode item = body.at("/data/0");
    assertThat(item.path("taggedMalicious").asBoolean(true)).isFalse();
    assertThat(item.path("searchField").asText()).isEqualTo("subject");
    assertThat(item.path("query").asText()).isEqualTo("gift cards");
    assertThat(item.path("identifiers").get(0).asText()).isEqualTo("internal_user_name");
    assertThat(item.path("actions").get(0).asText()).isEqualTo("hold");
  }
}
