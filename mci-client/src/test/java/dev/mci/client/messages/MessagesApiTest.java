package dev.mci.client.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.client.AutoPager;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.MimecastTime;
import dev.mci.client.internal.Json;
import dev.mci.client.testing.FakeTime;
import dev.mci.client.testing.LogCapture;
import dev.mci.client.testing.ScriptedServer;
import dev.mci.client.testing.ScriptedServer.Reply;
import dev.mci.client.testing.TestClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagesApiTest {

  private static final String SEARCH = "/api/message-finder/search";
  private static final Instant NOW = Instant.parse("2025-03-31T12:00:00Z");

  private final ScriptedServer server = ScriptedServer.start();
  private final FakeTime time = new FakeTime(NOW);

  @AfterEach
  void stopServer() {
    server.close();
  }

  private MimecastClient client() {
    return TestClients.hmac(server, time).build();
  }

  private static JsonNode parse(String body) {
    try {
      return Json.parse(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A tenant of tracked messages that answers like Message Finder: inclusive window, capped. */
  private void serveTenant(List<Instant> received) {
    server.on(
        SEARCH,
        request -> {
          JsonNode item = parse(request.body()).path("data").path(0);
          Instant start = MimecastTime.parse(item.path("start").asText());
          Instant end = MimecastTime.parse(item.path("end").asText());
          int cap = parse(request.body()).path("meta").path("pagination").path("pageSize").asInt();
          ObjectNode body = Json.object();
          body.putObject("meta").put("status", 200);
          ArrayNode rows = body.putArray("data").addObject().putArray("trackedEmails");
          received.stream()
              .filter(at -> !at.isBefore(start) && !at.isAfter(end))
              .sorted()
              .limit(cap)
              .forEach(
                  at ->
                      rows.addObject()
                          .put("id", "id-" + received.indexOf(at))
                          .put("received", MimecastTime.format(at))
                          .put("status", "delivery"));
          body.putArray("fail");
          return Reply.json(200, body.toString());
        });
  }

  private static List<Instant> spreadOverTenDays(int count) {
    List<Instant> received = new ArrayList<>();
    Instant first = NOW.minus(Duration.ofDays(10));
    for (int i = 0; i < count; i++) {
      // Uneven spacing so that windows fill unevenly.
      received.add(first.plusSeconds(i * 20_000L + (i % 7) * 3_000L));
    }
    return received;
  }

  private static MessageSearch lastElevenDays(int pageSize) {
    return MessageSearch.builder()
        .from("invoices-secure.example")
        .start(NOW.minus(Duration.ofDays(11)))
        .end(NOW)
        .pageSize(pageSize)
        .build();
  }

  @Test
  void sendsAdvancedOptionsDatesStatusesAndPageSize() {
    server.onSequence(
        SEARCH,
        Reply.json(
            200, "{\"meta\":{\"status\":200},\"data\":[{\"trackedEmails\":[]}],\"fail\":[]}"));
    MessageSearch query =
        MessageSearch.builder()
            .from("billing@invoices-secure.example")
            .to("dana.ortiz@acme-corp.example")
            .subject("Overdue invoice")
            .senderIp("203.0.113.45")
            .route(Route.INBOUND)
            .statuses(Set.of("Rejected", "held"))
            .start(Instant.parse("2025-03-30T00:00:00Z"))
            .end(Instant.parse("2025-03-31T00:00:00Z"))
            .searchReason("IR-2291 phishing triage")
            .build();
    try (MimecastClient client = client()) {
      assertThat(client.messages().search(query)).isEmpty();
    }
    assertThat(parse(server.requests(SEARCH).get(0).body()))
        .isEqualTo(
            parse(
                "{\"meta\":{\"pagination\":{\"pageSize\":500}},\"data\":[{"
                    + "\"searchReason\":\"IR-2291 phishing triage\","
                    + "\"start\":\"2025-03-30T00:00:00+0000\",\"end\":\"2025-03-31T00:00:00+0000\","
                    + "\"advancedTrackAndTraceOptions\":{\"from\":\"billing@invoices-secure.example\","
                    + "\"to\":\"dana.ortiz@acme-corp.example\",\"subject\":\"Overdue invoice\","
                    + "\"senderIP\":\"203.0.113.45\",\"route\":\"inbound\"},"
                    + "\"status\":[\"held\",\"rejected\"]}]}"));
  }

  @Test
  void sendsAMessageIdSearchWithoutAdvancedOptions() {
    server.onSequence(
        SEARCH,
        Reply.json(
            200, "{\"meta\":{\"status\":200},\"data\":[{\"trackedEmails\":[]}],\"fail\":[]}"));
    try (MimecastClient client = client()) {
      client
          .messages()
          .search(MessageSearch.builder().messageId("<a81f2@mx1.example>").pageSize(50).build());
    }
    assertThat(parse(server.requests(SEARCH).get(0).body()))
        .isEqualTo(
            parse(
                "{\"meta\":{\"pagination\":{\"pageSize\":50}},"
                    + "\"data\":[{\"messageId\":\"<a81f2@mx1.example>\"}]}"));
  }

  @Test
  void rejectsMessageIdTogetherWithFilters() {
    assertRejected(
        MessageSearch.builder().messageId("<x@y>").from("a@b.example").build(),
        "either messageId or the filters");
  }

  @Test
  void rejectsASearchWithoutAnyCriterion() {
    assertRejected(
        MessageSearch.builder().build(),
        "give a messageId, or at least one of from, to, subject, senderIp");
  }

  @Test
  void rejectsRouteAlone() {
    assertRejected(
        MessageSearch.builder().route(Route.OUTBOUND).build(),
        "route alone does not select messages");
  }

  @Test
  void rejectsAPageSizeOutsideTheCap() {
    assertRejected(
        MessageSearch.builder().to("a@b.example").pageSize(501).build(), "between 1 and 500");
    assertRejected(MessageSearch.builder().to("a@b.example").pageSize(0).build(), "got 0");
  }

  @Test
  void rejectsAnInvertedRangeNamingBothEnds() {
    assertRejected(
        MessageSearch.builder()
            .subject("invoice")
            .start(Instant.parse("2025-03-30T00:00:00Z"))
            .end(Instant.parse("2025-03-29T00:00:00Z"))
            .build(),
        "start (--since) 2025-03-30T00:00:00Z is after end (--until) 2025-03-29T00:00:00Z: swap them");
  }

  @Test
  void rejectsAnEmptyRange() {
    Instant at = Instant.parse("2025-03-30T00:00:00Z");
    assertRejected(
        MessageSearch.builder().subject("invoice").start(at).end(at).build(), "an empty window");
  }

  @Test
  void rejectsAStartOlderThanThirtyDaysPointingToArchiveSearch() {
    assertRejected(
        MessageSearch.builder().subject("invoice").start(NOW.minus(Duration.ofDays(30))).build(),
        "only covers about the last 30 days",
        "archive search");
  }

  private void assertRejected(MessageSearch query, String... texts) {
    try (MimecastClient client = client()) {
      assertThatThrownBy(() -> client.messages().search(query))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageStartingWith(SEARCH + ": ")
          .hasMessageContainingAll(texts);
      assertThatThrownBy(() -> client.messages().searchAll(query))
          .isInstanceOf(InvalidRequestException.class);
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void searchAllBisectsCappedWindowsAndReturnsEveryRowOnceNewestFirst() {
    List<Instant> received = spreadOverTenDays(37);
    serveTenant(received);
    List<TrackedEmail> rows;
    try (MimecastClient client = client()) {
      rows = client.messages().searchAll(lastElevenDays(5)).stream().toList();
    }
    assertThat(rows).extracting(TrackedEmail::id).doesNotHaveDuplicates().hasSize(37);
    assertThat(rows)
        .extracting(TrackedEmail::received)
        .isSortedAccordingTo(Comparator.reverseOrder())
        .containsExactlyInAnyOrderElementsOf(received);
    assertThat(server.requests(SEARCH))
        .extracting(
            request ->
                parse(request.body()).path("meta").path("pagination").path("pageSize").asInt())
        .containsOnly(5);
  }

  @Test
  void searchAllFetchesLazily() {
    serveTenant(spreadOverTenDays(37));
    try (MimecastClient client = client()) {
      AutoPager<TrackedEmail> pager = client.messages().searchAll(lastElevenDays(5));
      assertThat(server.requests()).isEmpty();
      pager.iterator().next();
      int afterFirstRow = server.requests().size();
      assertThat(afterFirstRow).isPositive();
      pager.pages().iterator().next();
      assertThat(server.requests().size()).isLessThanOrEqualTo(afterFirstRow * 2);
    }
  }

  @Test
  void searchAllResumesFromASavedToken() {
    List<Instant> received = spreadOverTenDays(37);
    serveTenant(received);
    List<String> ids = new ArrayList<>();
    try (MimecastClient client = client()) {
      AutoPager<TrackedEmail> pager = client.messages().searchAll(lastElevenDays(5));
      var pages = pager.pages().iterator();
      for (int i = 0; i < 2; i++) {
        pages.next().items().forEach(row -> ids.add(row.id()));
      }
      String token = pager.nextPageToken().orElseThrow();

      AutoPager<TrackedEmail> resumed =
          client.messages().searchAll(lastElevenDays(5)).startingAt(token);
      resumed.forEach(row -> ids.add(row.id()));
    }
    assertThat(ids).doesNotHaveDuplicates().hasSize(37);
  }

  @Test
  void searchAllRefusesATokenOfAnotherSearch() {
    serveTenant(spreadOverTenDays(37));
    try (MimecastClient client = client()) {
      AutoPager<TrackedEmail> pager = client.messages().searchAll(lastElevenDays(5));
      pager.pages().iterator().next();
      String token = pager.nextPageToken().orElseThrow();
      MessageSearch other = lastElevenDays(5).toBuilder().from("other.example").build();
      AutoPager<TrackedEmail> wrong = client.messages().searchAll(other).startingAt(token);
      assertThatThrownBy(() -> wrong.iterator().hasNext())
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("other filters");
      AutoPager<TrackedEmail> garbage = client.messages().searchAll(other).startingAt("xyz");
      assertThatThrownBy(() -> garbage.iterator().hasNext())
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("not a Message Finder token");
    }
  }

  @Test
  void searchAllWarnsWhenASingleSecondStillHitsTheCapAndMovesOn() {
    Instant busy = NOW.minus(Duration.ofDays(2));
    List<Instant> received = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      received.add(busy);
    }
    received.add(NOW.minus(Duration.ofDays(5)));
    received.add(NOW.minus(Duration.ofDays(1)));
    serveTenant(received);
    List<TrackedEmail> rows;
    try (LogCapture logs = LogCapture.of(MessagesApi.class.getName(), Level.WARN);
        MimecastClient client = client()) {
      rows = client.messages().searchAll(lastElevenDays(5)).stream().toList();
      assertThat(logs.messages())
          .singleElement()
          .asString()
          .contains("single second " + busy)
          .contains("may be missing");
    }
    assertThat(rows)
        .extracting(TrackedEmail::received)
        .containsExactly(
            NOW.minus(Duration.ofDays(1)),
            busy,
            busy,
            busy,
            busy,
            busy,
            NOW.minus(Duration.ofDays(5)));
  }

  @Test
  void searchAllWithoutDatesWalksTheLast29Days() {
    serveTenant(List.of());
    try (MimecastClient client = client()) {
      assertThat(
              client.messages().searchAll(MessageSearch.builder().to("dana@acme.example").build()))
          .isEmpty();
    }
    JsonNode item = parse(server.requests(SEARCH).get(0).body()).path("data").path(0);
    assertThat(item.path("start").asText())
        .isEqualTo(MimecastTime.format(NOW.minus(Duration.ofDays(29))));
    assertThat(item.path("end").asText()).isEqualTo(MimecastTime.format(NOW));
  }

  @Test
  void searchReturnsTheRowsOfOneCall() {
    List<Instant> received = spreadOverTenDays(12);
    serveTenant(received);
    try (MimecastClient client = client()) {
      assertThat(client.messages().search(lastElevenDays(5))).hasSize(5);
    }
    assertThat(server.requests(SEARCH)).hasSize(1);
  }
}
