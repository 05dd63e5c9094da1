package dev.mci.simulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event endpoints at the HTTP level: shapes, statuses and error bodies of reference 05. */
class EventEndpointsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MutableClock CLOCK =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10)));

  private static SimulatorServer server;
  private static SimClient sim;
  private static String token;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server =
        SimulatorServer.start(
            SimulatorConfig.builder()
                .clock(CLOCK)
                .tokenTtl(Duration.ofDays(2))
                .events(
                    EventStreamConfig.builder()
                        .batchInterval(Duration.ofHours(1))
                        .volume(20_000)
                        .build())
                .build());
    sim = new SimClient(server, CLOCK);
    token = sim.token();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private HttpResponse<byte[]> get(URI base, String pathAndQuery, boolean bearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
    if (bearer) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
    return JSON.readTree(response.body());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void batchListingRefusesBadInputWithTheFlatFailForm() throws Exception {
    String old = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC).minusDays(9).toString();
    HttpResponse<byte[]> noType = get(server.baseUrl(), "/siem/v1/batch/events/cg", true);
    HttpResponse<byte[]> badType =
        get(server.baseUrl(), "/siem/v1/batch/events/cg?type=phone", true);
    HttpResponse<byte[]> tooOld =
        get(
            server.baseUrl(),
            "/siem/v1/batch/events/cg?type=receipt&dateRangeStartsAt=" + old,
            true);
    HttpResponse<byte[]> badCursor =
        get(
            server.baseUrl(),
            "/siem/v1/batch/events/cg?nextPage=eNqrVipLLSrOzM9TslIyMtQxUsqrzy_OSQEAQ1IHyw",
            true);
    HttpResponse<byte[]> noAuth =
        get(server.baseUrl(), "/siem/v1/batch/events/cg?type=receipt", false);

    assertThat(noType.statusCode()).isEqualTo(400);
    assertThat(json(noType).get("fail").get(0).get("code").asText())
        .isEqualTo("err_validation_null");
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(tooOld.statusCode()).isEqualTo(400);
    assertThat(json(tooOld).get("fail").get(0).get("message").asText()).contains("7 days");
    assertThat(badCursor.statusCode()).isEqualTo(400);
    assertThat(noAuth.statusCode()).isEqualTo(401);
  }

  @Test
  void batchFilesAreSignedExpireAndHoldGzipNdjson() throws Exception {
    JsonNode page =
        json(
            get(
                server.baseUrl(),
                "/siem/v1/batch/events/cg?type=internal+email+protect&pageSize=1",
                true));
    JsonNode receipt =
        json(get(server.baseUrl(), "/siem/v1/batch/events/cg?type=receipt&pageSize=2", true));

    assertThat(page.get("value")).isEmpty();
    assertThat(page.get("isCaughtUp").asBoolean()).isTrue();
    assertThat(receipt.get("value")).hasSize(2);
    assertThat(receipt.get("isCaughtUp").asBoolean()).isFalse();
    assertThat(receipt.get("@nextPage").asText()).startsWith("eN");
    String url = receipt.get("value").get(0).get("url").asText();
    assertThat(receipt.get("value").get(0).get("expiry").asText()).endsWith("Z");

    HttpResponse<byte[]> file =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(file.statusCode()).isEqualTo(200);
    String ndjson =
        new String(
            new GZIPInputStream(new ByteArrayInputStream(file.body())).readAllBytes(),
            StandardCharsets.UTF_8);
    JsonNode first = JSON.readTree(ndjson.lines().findFirst().orElseThrow());
    assertThat(first.get("type").asText()).isEqualTo("receipt");
    assertThat(first.get("timestamp").isNumber()).isTrue();
    assertThat(first.has("_offset")).isTrue();

    HttpResponse<byte[]> tampered =
        http.send(
            HttpRequest.newBuilder(URI.create(url.replace("Signature=", "Signature=0"))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(tampered.statusCode()).isEqualTo(403);
    assertThat(text(tampered)).contains("SignatureDoesNotMatch");
    CLOCK.advance(Duration.ofMinutes(16));
    try {
      HttpResponse<byte[]> expired =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(expired.statusCode()).isEqualTo(403);
      assertThat(text(expired)).contains("Request has expired");
    } finally {
      CLOCK.advance(Duration.ofMinutes(-16));
    }
  }

  @Test
  void streamingPagesReachBack24HoursAndLinkTheNextPage() throws Exception {
    String start = CLOCK.instant().minus(Duration.ofHours(3)).toString();
    String old = CLOCK.instant().minus(Duration.ofHours(25)).toString();
    HttpResponse<byte[]> page =
        get(
            server.baseUrl(),
            "/siem/v1/events/cg?pageSize=5&dateRangeStartsAt="
                + URLEncoder.encode(start, StandardCharsets.UTF_8),
            true);
    HttpResponse<byte[]> tooOld =
        get(
            server.baseUrl(),
            "/siem/v1/events/cg?dateRangeStartsAt="
                + URLEncoder.encode(old, StandardCharsets.UTF_8),
            true);
    HttpResponse<byte[]> missing = get(server.baseUrl(), "/siem/v1/events/cg", true);

    JsonNode body = json(page);
    assertThat(body.get("value")).hasSize(5);
    assertThat(body.get("pageSize").asInt()).isEqualTo(5);
    assertThat(body.get("@nextLink").asText()).contains("nextPage=");
    assertThat(body.get("isCaughtUp").asBoolean()).isFalse();
    assertThat(tooOld.statusCode()).isEqualTo(400);
    assertThat(missing.statusCode()).isEqualTo(400);
  }

  @Test
  void apiOneSiemLogsAnswerAFileWithTokenAndNameThenCatchUp() throws Exception {
    SimClient.Reply file =
        sim.v1(
            "/api/audit/get-siem-logs",
            "{\"data\":[{\"type\":\"MTA\",\"fileFormat\":\"key_value\"}]}");
    SimClient.Reply forbidden = sim.v2("/api/audit/get-siem-logs", "{\"data\":[{}]}");
    SimClient.Reply bad = sim.v1("/api/audit/get-siem-logs", "{\"data\":[{\"token\":\"nope\"}]}");

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("content-type")).startsWith("application/octet-stream");
    assertThat(file.header("mc-siem-token")).isNotBlank();
    assertThat(file.header("content-disposition")).contains("filename=\"receipt_");
    assertThat(file.body().lines().findFirst().orElseThrow())
        .startsWith("acc=")
        .contains("|datetime=");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().get("fail").get(0).get("errors").get(0).get("code").asText())
        .isEqualTo("app_forbidden");
    assertThat(bad.json().get("fail").get(0).get("errors").get(0).get("code").asText())
        .isEqualTo("err_audit_siem_invalid_token");

    // Walk to the end: the last answer is the JSON "caught up" envelope.
    String next = file.header("mc-siem-token");
    SimClient.Reply reply = null;
    for (int i = 0; i < 5_000; i++) {
      reply =
          sim.v1(
              "/api/audit/get-siem-logs",
              "{\"data\":[{\"fileFormat\":\"json\",\"token\":\"" + next + "\"}]}");
      if (reply.header("content-type").startsWith("application/json")) {
        break;
      }
      next = reply.header("mc-siem-token");
    }
    assertThat(reply.json().get("meta").get("isLastToken").asBoolean()).isTrue();
    assertThat(reply.json().get("data")).isEmpty();
  }

  @Test
  void auditEventsNeedBothDatesAndPage() throws Exception {
    SimClient.Reply missing = sim.v2("/api/audit/get-audit-events", "{\"data\":[{}]}");
    String from = "2000-01-01T00:00:00+0000";
    String to = dev.mci.simulator.core.ApiDates.format(CLOCK.instant());
    SimClient.Reply first =
        sim.v2(
            "/api/audit/get-audit-events",
            "{\"meta\":{\"pagination\":{\"pageSize\":3}},\"data\":[{\"startDateTime\":\""
                + from
                + "\",\"endDateTime\":\""
                + to
                + "\"}]}");

    assertThat(missing.json().get("fail").get(0).get("errors")).hasSize(2);
    assertThat(missing.json().get("fail").get(0).get("errors").get(0).get("code").asText())
        .isEqualTo("err_validation_null");
    assertThat(first.json().get("data")).hasSize(3);
    assertThat(first.json().get("meta").get("pagination").get("next").asText()).isNotBlank();
    assertThat(first.json().get("data").get(0).get("eventTime").asText()).endsWith("+0000");
  }
}
