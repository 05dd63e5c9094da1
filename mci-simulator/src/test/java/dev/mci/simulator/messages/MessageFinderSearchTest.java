package dev.mci.simulator.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.Delivery;
import dev.mci.simulator.tenant.IndexRange;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.simulator.tenant.Route;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MessageFinderSearchTest {

  private static final String SEARCH = "/api/message-finder/search";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter API_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static MutableClock clock;
  private static SimulatorServer server;
  private static SimClient client;
  private static String token;
  private static Tenant tenant;
  private static PhishingScenario scenario;

  @BeforeAll
  static void start() {
    clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    server = SimulatorServer.start(SimulatorConfig.builder().clock(clock).build());
    client = new SimClient(server, clock);
    token = client.token();
    tenant = server.tenant();
    scenario = tenant.scenario();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void findsEveryRecipientCopyOfTheScenarioByMessageId() {
    JsonNode rows = rows(search(item().put("messageId", scenario.messageIdHeader())));

    assertThat(rows).hasSize(40);
    assertThat(ids(rows)).containsExactlyElementsOf(scenario.messageFinderIds());
    JsonNode first = rows.get(0);
    assertThat(first.get("status").asText()).isEqualTo("archived");
    assertThat(first.get("info").asText()).isEqualTo("Indexed and archived");
    assertThat(first.at("/fromEnv/emailAddress").asText())
        .isEqualTo(scenario.envelopeSender().address());
    assertThat(first.at("/fromHdr/displayableName").asText())
        .isEqualTo(scenario.sender().displayName());
    assertThat(first.at("/fromHdr/emailAddress").asText()).isEqualTo(scenario.sender().address());
    assertThat(first.get("to")).hasSize(1);
    assertThat(first.at("/to/0/emailAddress").asText())
        .isEqualTo(scenario.recipients().get(0).address());
    assertThat(first.get("received").asText()).isEqualTo(API_DATE.format(scenario.received()));
    assertThat(first.get("received").asText()).endsWith("+0000");
    assertThat(first.get("subject").asText()).isEqualTo(scenario.subject());
    assertThat(first.get("senderIP").asText()).isEqualTo(scenario.sendingIp());
    assertThat(first.get("attachments").asBoolean()).isTrue();
    assertThat(first.get("route").asText()).isEqualTo("inbound");
    assertThat(first.get("spamScore").isInt()).isTrue();
    assertThat(first.get("detectionLevel").asText()).isEqualTo("relaxed");
  }

  @Test
  void messageIdMatchesWithOrWithoutAngleBrackets() {
    String bare = scenario.messageIdHeader().substring(1, scenario.messageIdHeader().length() - 1);

    assertThat(rows(search(item().put("messageId", bare)))).hasSize(40);
  }

  @Test
  void fromMatchesTheExactDomainOrAddressButNotSubdomains() {
    ObjectNode byDomain = item();
    byDomain.putObject("advancedTrackAndTraceOptions").put("from", scenario.senderDomain());
    ObjectNode byAddress = item();
    byAddress
        .putObject("advancedTrackAndTraceOptions")
        .put("from", scenario.sender().address().toUpperCase(Locale.ROOT));
    ObjectNode bySubdomain = item();
    bySubdomain
        .putObject("advancedTrackAndTraceOptions")
        .put("from", "mail." + scenario.senderDomain());

    // The domain also sent the campaign's earlier wave; the impostor's own address did not.
    assertThat(ids(rows(search(byDomain))))
        .containsExactlyInAnyOrderElementsOf(campaignFinderIds())
        .filteredOn(scenario.messageFinderIds()::contains)
        .containsExactlyElementsOf(scenario.messageFinderIds());
    assertThat(ids(rows(search(byAddress)))).containsExactlyElementsOf(scenario.messageFinderIds());
    assertThat(rows(search(bySubdomain))).isEmpty();
  }

  @Test
  void toSelectsTheRecipientsRows() {
    String recipient = scenario.recipients().get(3).address();
    ObjectNode query = item();
    query.putObject("advancedTrackAndTraceOptions").put("to", recipient);

    JsonNode rows = rows(search(query));

    assertThat(rows).isNotEmpty();
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.at("/to/0/emailAddress").asText()).isEqualTo(recipient));
    assertThat(ids(rows)).contains(scenario.messageFinderIds().get(3));
    assertThat(rows.size())
        .isEqualTo(expectedRows(m -> true, d -> d.recipient().address().equals(recipient)));
  }

  @Test
  void subjectIsACaseInsensitiveSubstring() {
    String fragment = scenario.subject().substring(3, 15).toUpperCase(Locale.ROOT);
    ObjectNode query = item();
    query.putObject("advancedTrackAndTraceOptions").put("subject", fragment);

    assertThat(ids(rows(search(query)))).containsAll(scenario.messageFinderIds());
  }

  @Test
  void senderIpAloneIsAValidQuery() {
    ObjectNode query = item();
    query.putObject("advancedTrackAndTraceOptions").put("senderIP", scenario.sendingIp());

    assertThat(ids(rows(search(query)))).containsExactlyElementsOf(scenario.messageFinderIds());
  }

  @Test
  void routeFiltersInEitherPlaceAsStringOrArray() {
    String vendor = "northwind-supply.example";
    ObjectNode nested = item();
    nested.putObject("advancedTrackAndTraceOptions").put("to", vendor).put("route", "outbound");
    ObjectNode topLevel = item();
    topLevel.putObject("advancedTrackAndTraceOptions").put("to", vendor);
    topLevel.putArray("route").add("outbound");
    ObjectNode inbound = item();
    inbound.putObject("advancedTrackAndTraceOptions").put("to", vendor).put("route", "inbound");

    JsonNode nestedRows = rows(search(nested));

    assertThat(nestedRows)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("route").asText()).isEqualTo("outbound"));
    assertThat(rows(search(topLevel))).isEqualTo(nestedRows);
    assertThat(rows(search(inbound))).isEmpty();
    assertThat(nestedRows.size())
        .isEqualTo(
            expectedRows(
                m -> m.route() == Route.OUTBOUND, d -> d.recipient().domain().equals(vendor)));
  }

  @Test
  void statusListFiltersRows() {
    ObjectNode query = item();
    query.putObject("advancedTrackAndTraceOptions").put("to", "acme-corp.example");
    query.putArray("status").add("held").add("rejected");

    JsonNode rows = rows(search(query));

    assertThat(rows).isNotEmpty();
    assertThat(rows).allSatisfy(r -> assertThat(r.get("status").asText()).isIn("held", "rejected"));
  }

  @Test
  void returnsAtMost500RowsWithoutNext() {
    ObjectNode query = item();
    query.putObject("advancedTrackAndTraceOptions").put("to", "acme-corp.example");

    JsonNode body = search(query);

    assertThat(rows(body)).hasSize(500);
    assertThat(body.at("/meta/pagination/next").isMissingNode()).isTrue();
    assertThat(body.at("/meta/status").asInt()).isEqualTo(200);
  }

  @Test
  void honoursPageSizeAndClampsItTo500() {
    ObjectNode query = item();
    query.putObject("advancedTrackAndTraceOptions").put("to", "acme-corp.example");

    assertThat(rows(search(query, 7))).hasSize(7);
    assertThat(rows(search(query, 5000))).hasSize(500);
    assertThat(rows(search(query, 0))).hasSize(500);
  }

  @Test
  void rowsAreOldestFirstAndInsideTheWindow() {
    Instant start = tenant.now().minus(Duration.ofDays(5));
    Instant end = tenant.now().minus(Duration.ofDays(4));
    ObjectNode query = item().put("start", API_DATE.format(start)).put("end", API_DATE.format(end));
    query.putObject("advancedTrackAndTraceOptions").put("to", "acme-corp.example");

    JsonNode rows = rows(search(query));

    List<Instant> received = new ArrayList<>();
    rows.forEach(r -> received.add(Instant.from(API_DATE.parse(r.get("received").asText()))));
    assertThat(received)
        .isNotEmpty()
        .isSorted()
        .allSatisfy(t -> assertThat(t).isBetween(start, end));
  }

  @Test
  void acceptsZuluAndColonOffsets() {
    Instant start = scenario.received().minusSeconds(60);
    ObjectNode zulu =
        item().put("start", start.toString()).put("messageId", scenario.messageIdHeader());
    ObjectNode colon =
        item()
            .put("start", API_DATE.format(start).replace("+0000", "+00:00"))
            .put("messageId", scenario.messageIdHeader());

    assertThat(rows(search(zulu))).hasSize(40);
    assertThat(rows(search(colon))).hasSize(40);
  }

  @Test
  void startThirtyDaysBackIsRejected() {
    ObjectNode tooOld =
        item().put("start", API_DATE.format(clock.instant().minus(Duration.ofDays(30))));
    tooOld.putObject("advancedTrackAndTraceOptions").put("from", scenario.senderDomain());
    ObjectNode justInside =
        item()
            .put(
                "start",
                API_DATE.format(clock.instant().minus(Duration.ofDays(30)).plusSeconds(1)));
    justInside.putObject("advancedTrackAndTraceOptions").put("from", scenario.senderDomain());

    JsonNode failed = search(tooOld);

    assertThat(failed.get("data")).isEmpty();
    assertThat(failed.at("/fail/0/errors/0/code").asText())
        .isEqualTo("err_track_and_trace_invalid_start_date");
    assertThat(failed.at("/fail/0/key")).isEqualTo(tooOld);
    assertThat(failed.at("/meta/status").asInt()).isEqualTo(200);
    assertThat(ids(rows(search(justInside))))
        .containsExactlyInAnyOrderElementsOf(campaignFinderIds());
  }

  @Test
  void defaultWindowIsTheLast30Days() {
    ObjectNode query = item();
    query
        .putObject("advancedTrackAndTraceOptions")
        .put("to", scenario.recipients().get(0).address());

    JsonNode rows = rows(search(query));

    assertThat(rows)
        .allSatisfy(
            r ->
                assertThat(Instant.from(API_DATE.parse(r.get("received").asText())))
                    .isAfterOrEqualTo(clock.instant().minus(Duration.ofDays(30))));
  }

  @Test
  void requiresExactlyOneOfMessageIdAndOptions() {
    ObjectNode both = item().put("messageId", scenario.messageIdHeader());
    both.putObject("advancedTrackAndTraceOptions").put("from", "x.example");

    assertThat(errorCode(search(both))).isEqualTo("err_validation_mutually_exclusive");
    assertThat(errorCode(search(item().put("searchReason", "IR-1"))))
        .isEqualTo("err_validation_at_least_one_not_null");
    assertThat(errorCode(search(item().put("messageId", "  ")))).isEqualTo("err_validation_blank");
    assertThat(errorCode(searchBody("{\"data\":[]}")))
        .isEqualTo("err_validation_at_least_one_not_null");
  }

  @Test
  void optionsNeedASupportedFilter() {
    ObjectNode query = item();
    query.putObject("advancedTrackAndTraceOptions").put("senderDomain", scenario.senderDomain());

    JsonNode body = search(query);

    assertThat(errorCode(body)).isEqualTo("err_validation_at_least_one_not_null");
    assertThat(body.at("/fail/0/errors/0/field").asText())
        .isEqualTo("advancedTrackAndTraceOptions");
  }

  @Test
  void nullFieldsCountAsAbsent() {
    ObjectNode query =
        item().put("messageId", scenario.messageIdHeader()).putNull("start").putNull("end");
    query.putNull("advancedTrackAndTraceOptions");

    assertThat(rows(search(query))).hasSize(40);
  }

  @Test
  void badRouteStatusOrDateAreValidationErrors() {
    ObjectNode query =
        item()
            .put("messageId", scenario.messageIdHeader())
            .put("route", "sideways")
            .put("end", "yesterday");
    query.putArray("status").add("lost");

    JsonNode body = search(query);

    List<String> fields = new ArrayList<>();
    body.at("/fail/0/errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("route", "status", "end");
  }

  @Test
  void eachItemIsAnsweredIndependently() {
    ObjectNode good = item().put("messageId", scenario.messageIdHeader());
    ObjectNode bad = item().put("messageId", "");
    ObjectNode body = JSON.createObjectNode();
    body.putArray("data").add(good).add(bad);

    JsonNode reply = searchBody(body.toString());

    assertThat(reply.get("data")).hasSize(1);
    assertThat(reply.at("/data/0/trackedEmails")).hasSize(40);
    assertThat(reply.get("fail")).hasSize(1);
    assertThat(reply.at("/fail/0/key")).isEqualTo(bad);
  }

  @Test
  void worksTheSameOnApiV1() {
    ObjectNode query = item().put("messageId", scenario.messageIdHeader());
    ObjectNode body = JSON.createObjectNode();
    body.putArray("data").add(query);

    SimClient.Reply reply = client.v1(SEARCH, body.toString());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json()).isEqualTo(search(query));
  }

  private static long expectedRows(Predicate<Message> message, Predicate<Delivery> delivery) {
    IndexRange window =
        tenant.indexRange(clock.instant().minus(Duration.ofDays(30)), clock.instant());
    return tenant
        .messages(window)
        .filter(message)
        .flatMap(m -> m.deliveries().stream())
        .filter(delivery)
        .count();
  }

  private static ObjectNode item() {
    return JSON.createObjectNode();
  }

  private static JsonNode search(ObjectNode item) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("data").add(item);
    return searchBody(body.toString());
  }

  private static JsonNode search(ObjectNode item, int pageSize) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("meta").putObject("pagination").put("pageSize", pageSize);
    body.putArray("data").add(item);
    return searchBody(body.toString());
  }

  private static JsonNode searchBody(String body) {
    SimClient.Reply reply = client.v2(SEARCH, body, token);
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  private static JsonNode rows(JsonNode body) {
    assertThat(body.get("fail")).isEmpty();
    return body.at("/data/0/trackedEmails");
  }

  private static List<String> ids(JsonNode rows) {
    return StreamSupport.stream(rows.spliterator(), false).map(r -> r.get("id").asText()).toList();
  }

  private static String errorCode(JsonNode body) {
    assertThat(body.get("data")).isEmpty();
    return body.at("/fail/0/errors/0/code").asText();
  }

  /** The Message Finder ids of every copy the lookalike domain sent: earlier wave and planted. */
  private static List<String> campaignFinderIds() {
    List<String> ids = new ArrayList<>();
    scenario.earlierWave().forEach(m -> m.deliveries().forEach(d -> ids.add(d.messageFinderId())));
    ids.addAll(scenario.messageFinderIds());
    return ids;
  }
}
