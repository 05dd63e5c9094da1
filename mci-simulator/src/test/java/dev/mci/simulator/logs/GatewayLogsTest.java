package dev.mci.simulator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.tenant.DecodedId;
import dev.mci.simulator.tenant.DeliveryStatus;
import dev.mci.simulator.tenant.IdFamily;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewayLogsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private static SimulatorServer server;
  private static SimClient client;
  private static Tenant tenant;
  private static PhishingScenario scenario;

  @BeforeAll
  static void start() {
    server = SimulatorServer.start(SimulatorConfig.builder().clock(CLOCK).build());
    client = new SimClient(server, CLOCK);
    tenant = server.tenant();
    scenario = tenant.scenario();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ObjectNode request(int pageSize) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("meta").putObject("pagination").put("pageSize", pageSize);
    body.putArray("data").addObject();
    return body;
  }

  private static ObjectNode item(ObjectNode body) {
    return (ObjectNode) body.at("/data/0");
  }

  private static JsonNode post(String path, JsonNode body) {
    SimClient.Reply reply = client.v2(path, body.toString());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("fail")).isEmpty();
    return reply.json();
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> rows = new ArrayList<>();
    array.forEach(rows::add);
    return rows;
  }

  @Test
  void releaseLogNamesTheAdministratorWhoReleasedTheScenarioCopy() {
    ObjectNode body = request(50);
    item(body)
        .put("start", ApiDates.format(scenario.received()))
        .put("end", ApiDates.format(scenario.releasedAt().plusSeconds(1)))
        .putObject("searchBy")
        .put("fieldName", "subject")
        .put("value", scenario.subject());
    List<JsonNode> rows = list(post(LogsArea.RELEASE_LOGS, body).at("/data/0/heldReleaseLogs"));

    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.path("status").asText()).isEqualTo("released");
    assertThat(row.path("operator").asText()).isEqualTo(scenario.releasedBy());
    assertThat(row.path("released").asText()).isEqualTo(ApiDates.format(scenario.releasedAt()));
    assertThat(row.at("/to/0/emailAddress").asText()).isEqualTo(scenario.heldRecipient().address());
    assertThat(row.at("/fromHdr/emailAddress").asText()).isEqualTo(scenario.sender().address());
    assertThat(row.path("heldReason").asText()).isEqualTo("Attachment Protection");
    assertThat(row.at("/spamProcessingDetail/spf/info").asText()).isEqualTo("pass");
  }

  @Test
  void rejectedHoldsNameAnOperatorOrHousekeeping() {
    ObjectNode body = request(500);
    item(body)
        .put("start", ApiDates.format(tenant.messagesFrom()))
        .putArray("filterBy")
        .addObject()
        .put("fieldName", "status")
        .put("value", "rejected");
    List<JsonNode> rows = list(post(LogsArea.RELEASE_LOGS, body).at("/data/0/heldReleaseLogs"));

    assertThat(rows).isNotEmpty().allMatch(r -> r.path("status").asText().equals("rejected"));
    assertThat(rows)
        .extracting(r -> r.path("messageInfo").asText())
        .contains("Rejected by administrator", "Expired in queue - rejected by housekeeping");
    assertThat(rows)
        .filteredOn(r -> r.path("messageInfo").asText().equals("Rejected by administrator"))
        .allMatch(r -> tenant.activity().administrators().contains(r.path("operator").asText()));
  }

  @Test
  void rejectionLogKeepsSevenDaysAndShowsOnlyTheCallersMailboxWithoutAdmin() {
    ObjectNode everyone = request(500);
    item(everyone).put("admin", "true").put("start", ApiDates.format(tenant.messagesFrom()));
    List<JsonNode> rows = list(post(LogsArea.REJECTIONS, everyone).at("/data/0/rejections"));

    Instant oldest = CLOCK.instant().minus(Duration.ofDays(7));
    assertThat(rows).isNotEmpty();
    assertThat(rows)
        .allMatch(r -> !ApiDates.parse(r.path("created").asText()).orElseThrow().isBefore(oldest));
    JsonNode first = rows.get(0);
    assertThat(first.path("ipAddress").asText()).isNotEmpty();
    assertThat(first.path("info").asText()).isNotEmpty();

    ObjectNode byIp = request(500);
    item(byIp)
        .put("admin", true)
        .put("start", ApiDates.format(oldest))
        .putObject("searchBy")
        .put("fieldName", "remoteIp")
        .put("value", first.path("ipAddress").asText());
    assertThat(list(post(LogsArea.REJECTIONS, byIp).at("/data/0/rejections")))
        .isNotEmpty()
        .allMatch(r -> r.path("ipAddress").asText().equals(first.path("ipAddress").asText()));

    ObjectNode own = request(500);
    item(own).put("start", ApiDates.format(oldest));
    assertThat(list(post(LogsArea.REJECTIONS, own).at("/data/0/rejections")))
        .allMatch(r -> r.path("toAddress").asText().equals(tenant.account().adminEmail()));
  }

  @Test
  void heldListHoldsTheCopiesMessageFinderReportsAsHeld() {
    ObjectNode body = request(500);
    item(body).put("admin", true);
    JsonNode reply = post(LogsArea.HELD_MESSAGES, body);
    List<JsonNode> rows = list(reply.get("data"));

    assertThat(rows).isNotEmpty();
    for (JsonNode row : rows) {
      DecodedId id = tenant.ids().decode(row.path("id").asText(), IdFamily.HELD).orElseThrow();
      assertThat(tenant.message(id.index()).deliveries().get(id.sub()).status())
          .isEqualTo(DeliveryStatus.HELD);
      assertThat(row.path("route").asText()).isUpperCase();
      assertThat(row.path("reasonCode").asText()).startsWith("message_hold_applied_");
      assertThat(row.path("to").isObject()).isTrue();
    }
    assertThat(reply.at("/meta/pagination/totalCount").asInt()).isEqualTo(rows.size());

    ObjectNode byCode = request(500);
    item(byCode)
        .put("admin", true)
        .putObject("searchBy")
        .put("fieldName", "reason_code")
        .put("value", rows.get(0).path("reasonCode").asText());
    assertThat(list(post(LogsArea.HELD_MESSAGES, byCode).get("data")))
        .isNotEmpty()
        .allMatch(r -> r.path("reasonCode").equals(rows.get(0).path("reasonCode")));
  }
}
