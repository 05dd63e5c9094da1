package dev.mci.simulator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.core.ApiDates;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProtectionLogsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private static SimulatorServer server;
  private static SimClient client;
  private static PhishingScenario scenario;

  @BeforeAll
  static void start() {
    server = SimulatorServer.start(SimulatorConfig.builder().clock(CLOCK).build());
    client = new SimClient(server, CLOCK);
    scenario = server.tenant().scenario();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A request whose data[0] covers the planted message's morning. */
  private static ObjectNode aroundScenario(int pageSize) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("meta").putObject("pagination").put("pageSize", pageSize);
    body.putArray("data")
        .addObject()
        .put("from", ApiDates.format(scenario.received().minus(Duration.ofHours(1))))
        .put("to", ApiDates.format(scenario.received().plus(Duration.ofHours(12))));
    return body;
  }

  private static JsonNode post(String path, JsonNode body) {
    SimClient.Reply reply = client.v1(path, body.toString());
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  private static List<JsonNode> rows(JsonNode reply, String wrapper) {
    List<JsonNode> rows = new ArrayList<>();
    reply.at("/data/0/" + wrapper).forEach(rows::add);
    return rows;
  }

  @Test
  void urlLogShowsTheScenarioClicksNewestFirst() {
    JsonNode reply = post(LogsArea.URL_LOGS, aroundScenario(500));

    List<JsonNode> scenarioRows =
        rows(reply, "clickLogs").stream()
            .filter(r -> r.path("messageId").asText().equals(scenario.messageIdHeader()))
            .toList();
    assertThat(scenarioRows).hasSizeGreaterThanOrEqualTo(3);
    assertThat(scenarioRows)
        .allSatisfy(
            r -> {
              assertThat(r.path("url").asText()).isEqualTo(scenario.maliciousUrl().original());
              assertThat(r.path("fromUserEmailAddress").asText())
                  .isEqualTo(scenario.sender().address());
              assertThat(r.path("sendingIp").asText()).isEqualTo(scenario.sendingIp());
              assertThat(r.path("emailPartsDescription").get(0).asText()).isEqualTo("Body");
            });
    assertThat(scenarioRows).extracting(r -> r.path("action").asText()).contains("allow", "block");
    List<String> dates =
        rows(reply, "clickLogs").stream().map(r -> r.path("date").asText()).toList();
    assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(reply.at("/meta/pagination/totalCount").asLong()).isEqualTo(dates.size());
  }

  @Test
  void pagesWalkTheSameRowsAndATokenAloneResumes() {
    List<JsonNode> all = rows(post(LogsArea.URL_LOGS, aroundScenario(500)), "clickLogs");
    List<JsonNode> walked = new ArrayList<>();
    JsonNode page = post(LogsArea.URL_LOGS, aroundScenario(2));
    walked.addAll(rows(page, "clickLogs"));
    while (page.at("/meta/pagination/next").isTextual()) {
      ObjectNode next = JSON.createObjectNode();
      // No data: the token carries the query (reference 00 §7 rule 4).
      next.putObject("meta")
          .putObject("pagination")
          .put("pageSize", 2)
          .put("pageToken", page.at("/meta/pagination/next").asText());
      page = post(LogsArea.URL_LOGS, next);
      walked.addAll(rows(page, "clickLogs"));
    }
    assertThat(walked).isEqualTo(all);
  }

  @Test
  void urlLogFiltersByScanResultAndRoute() {
    ObjectNode malicious = aroundScenario(500);
    ((ObjectNode) malicious.at("/data/0")).put("scanResult", "malicious").put("oldestFirst", true);
    List<JsonNode> rows = rows(post(LogsArea.URL_LOGS, malicious), "clickLogs");
    assertThat(rows).isNotEmpty().allMatch(r -> r.path("scanResult").asText().equals("malicious"));
    assertThat(rows.stream().map(r -> r.path("date").asText()).toList()).isSorted();

    ObjectNode outbound = aroundScenario(500);
    ((ObjectNode) outbound.at("/data/0")).put("route", "outbound");
    assertThat(rows(post(LogsArea.URL_LOGS, outbound), "clickLogs")).isEmpty();

    ObjectNode bad = aroundScenario(5);
    ((ObjectNode) bad.at("/data/0")).put("scanResult", "evil");
    JsonNode reply = post(LogsArea.URL_LOGS, bad);
    assertThat(reply.at("/fail/0/errors/0/code").asText())
        .isEqualTo("err_validation_value_not_allowed");
    assertThat(reply.at("/fail/0/errors/0/field").asText()).isEqualTo("scanResult");
  }

  @Test
  void withoutDatesTheWindowIsTodaySoFar() {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("data");
    JsonNode reply = post(LogsArea.URL_LOGS, body);
    Instant midnight = server.tenant().now().truncatedTo(ChronoUnit.DAYS);
    assertThat(rows(reply, "clickLogs"))
        .allMatch(r -> !ApiDates.parse(r.path("date").asText()).orElseThrow().isBefore(midnight));
    assertThat(reply.at("/meta/pagination/pageSize").asInt()).isLessThanOrEqualTo(25);
  }

  @Test
  void attachmentLogCarriesTheScenarioFileHashAndFiltersByResult() {
    ObjectNode body = aroundScenario(500);
    List<JsonNode> rows = rows(post(LogsArea.ATTACHMENT_LOGS, body), "attachmentLogs");
    List<JsonNode> scenarioRows =
        rows.stream()
            .filter(r -> r.path("messageId").asText().equals(scenario.messageIdHeader()))
            .toList();
    assertThat(scenarioRows).hasSize(scenario.recipients().size());
    assertThat(scenarioRows)
        .allSatisfy(
            r -> {
              assertThat(r.path("fileHash").asText()).isEqualTo(scenario.attachmentSha256());
              assertThat(r.path("fileName").asText()).isEqualTo(scenario.attachmentName());
            });

    ((ObjectNode) body.at("/data/0")).put("result", "malicious");
    List<JsonNode> malicious = rows(post(LogsArea.ATTACHMENT_LOGS, body), "attachmentLogs");
    assertThat(malicious)
        .isNotEmpty()
        .allMatch(r -> r.path("result").asText().equals("malicious"))
        .anyMatch(
            r -> r.path("recipientAddress").asText().equals(scenario.heldRecipient().address()));
  }

  @Test
  void impersonationLogShowsTheLookalikeWithItsIdentifiersAndFilters() {
    ObjectNode body = aroundScenario(500);
    ((ObjectNode) body.at("/data/0"))
        .put("taggedMalicious", true)
        .put("searchField", "recipientAddress")
        .put("query", scenario.heldRecipient().address())
        .putArray("identifiers")
        .add("internal_user_name");
    JsonNode reply = post(LogsArea.IMPERSONATION_LOGS, body);

    List<JsonNode> rows = rows(reply, "impersonationLogs");
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.path("senderAddress").asText()).isEqualTo(scenario.sender().address());
    assertThat(row.path("id").asText()).startsWith("MTOKEN:");
    assertThat(row.path("hits").asInt()).isEqualTo(row.path("identifiers").size());
    assertThat(row.at("/impersonationResults/0/stringSimilarToDomain").asText())
        .isEqualTo(scenario.impersonated().displayName());
    assertThat(reply.at("/data/0/resultCount").asInt()).isEqualTo(1);

    ObjectNode noQuery = aroundScenario(5);
    ((ObjectNode) noQuery.at("/data/0")).put("searchField", "subject");
    assertThat(post(LogsArea.IMPERSONATION_LOGS, noQuery).at("/fail/0/errors/0/field").asText())
        .isEqualTo("query");
  }
}
