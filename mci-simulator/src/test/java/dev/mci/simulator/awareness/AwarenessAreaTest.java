package dev.mci.simulator.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.Tenant;
import dev.mci.simulator.tenant.User;
import dev.mci.simulator.tenant.UserBehaviour;
import dev.mci.simulator.testing.MutableClock;
import dev.mci.simulator.testing.SimClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AwarenessAreaTest {

  private static final String GRADES = "ABCDF";

  private static SimulatorServer server;
  private static SimClient client;
  private static Tenant tenant;

  @BeforeAll
  static void start() {
    MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    server = SimulatorServer.start(SimulatorConfig.builder().clock(clock).build());
    client = new SimClient(server, clock);
    tenant = server.tenant();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every record of a paged flat or wrapped listing, following {@code next}. */
  private static List<JsonNode> all(String path, String item, String wrapper, int pageSize) {
    List<JsonNode> rows = new ArrayList<>();
    String token = null;
    do {
      String meta =
          "{\"pagination\":{\"pageSize\":"
              + pageSize
              + (token == null ? "" : ",\"pageToken\":\"" + token + "\"")
              + "}}";
      JsonNode reply = client.v2(path, "{\"meta\":" + meta + ",\"data\":[" + item + "]}").json();
      assertThat(reply.get("fail")).isEmpty();
      for (JsonNode row : reply.get("data")) {
        if (wrapper == null) {
          rows.add(row);
        } else {
          row.get(wrapper).forEach(rows::add);
        }
      }
      JsonNode next = reply.at("/meta/pagination/next");
      token = next.isMissingNode() ? null : next.asText();
    } while (token != null);
    return rows;
  }

  private static List<JsonNode> campaigns() {
    List<JsonNode> campaigns = new ArrayList<>();
    client
        .v2(AwarenessArea.GET_CAMPAIGN, "{\"data\":[]}")
        .json()
        .get("data")
        .forEach(campaigns::add);
    return campaigns;
  }

  private static JsonNode latestCampaign() {
    return campaigns().stream()
        .max((a, b) -> a.get("launchDate").asText().compareTo(b.get("launchDate").asText()))
        .orElseThrow();
  }

  @Test
  void theLatestCampaignWasClickedByExactlyTheTenantsLatestSimulationClickers() {
    String id = latestCampaign().get("id").asText();

    List<JsonNode> clickers =
        all(
            AwarenessArea.GET_USER_DATA,
            "{\"id\":\""
                + id
                + "\",\"filterBy\":[{\"fieldName\":\"status\",\"value\":\"clicked\"},"
                + "{\"fieldName\":\"status\",\"value\":\"submitted\"}]}",
            "items",
            5);

    assertThat(clickers)
        .extracting(r -> r.get("email").asText())
        .containsExactlyInAnyOrderElementsOf(
            tenant.behaviours().stream()
                .filter(UserBehaviour::clickedLatestSimulation)
                .map(b -> b.user().address())
                .toList());
    assertThat(clickers.stream().map(r -> r.get("email").asText()).toList())
        .containsAll(tenant.riskyUsers().stream().map(User::address).toList());
    assertThat(clickers).allSatisfy(r -> assertThat(r.has("timeClicked")).isTrue());
    assertThat(clickers).allSatisfy(r -> assertThat(r.has("clickedIp")).isTrue());
  }

  @Test
  void campaignTotalsAgreeWithThePerUserResults() {
    for (JsonNode campaign : campaigns()) {
      List<JsonNode> results =
          all(
              AwarenessArea.GET_USER_DATA,
              "{\"id\":\"" + campaign.get("id").asText() + "\"}",
              "items",
              500);
      Map<String, Long> byStatus =
          results.stream()
              .collect(Collectors.groupingBy(r -> r.get("status").asText(), Collectors.counting()));
      long submitted = byStatus.getOrDefault("submitted", 0L);
      long clicked = byStatus.getOrDefault("clicked", 0L) + submitted;
      long opened = byStatus.getOrDefault("opened", 0L) + clicked;

      assertThat(campaign.get("numSent").asLong()).isEqualTo(results.size());
      assertThat(campaign.get("numOpened").asLong()).isEqualTo(opened);
      assertThat(campaign.get("numClicked").asLong()).isEqualTo(clicked);
      assertThat(campaign.get("numSubmitted").asLong()).isEqualTo(submitted);
      assertThat(campaign.at("/group/id").asText()).startsWith("eNo");
    }
  }

  @Test
  void clickersScoreWorseAndRiskyClickersScoreDOrF() {
    List<JsonNode> scores = all(AwarenessArea.SAFE_SCORE_DETAILS, "", null, 7);
    Map<String, Integer> rank =
        scores.stream()
            .collect(
                Collectors.toMap(
                    s -> s.get("emailAddress").asText(),
                    s -> GRADES.indexOf(s.get("risk").asText())));

    double clickers =
        tenant.behaviours().stream()
            .filter(UserBehaviour::clickedLatestSimulation)
            .mapToInt(b -> rank.get(b.user().address()))
            .average()
            .orElseThrow();
    double others =
        tenant.behaviours().stream()
            .filter(b -> !b.clickedLatestSimulation())
            .mapToInt(b -> rank.get(b.user().address()))
            .average()
            .orElseThrow();

    assertThat(scores).hasSize(tenant.users().size());
    assertThat(clickers).isGreaterThan(others);
    assertThat(tenant.riskyUsers())
        .allSatisfy(
            u -> assertThat(rank.get(u.address())).isGreaterThanOrEqualTo(GRADES.indexOf('D')));
  }

  @Test
  void performanceAgreesWithEachUsersTrainingDetails() {
    List<JsonNode> finance =
        all(
            AwarenessArea.PERFORMANCE_DETAILS,
            "{\"searchBy\":{\"fieldName\":\"department\",\"value\":\"finance\"}}",
            null,
            2);

    assertThat(finance)
        .hasSize(
            (int) tenant.users().stream().filter(u -> u.department().equals("Finance")).count());
    for (JsonNode row : finance) {
      JsonNode training =
          client
              .v1(
                  AwarenessArea.TRAINING_DETAILS,
                  "{\"data\":[{\"emailAddress\":\"" + row.get("email").asText() + "\"}]}")
              .json()
              .at("/data/0");
      List<JsonNode> modules = new ArrayList<>();
      training.get("training").forEach(modules::add);
      assertThat(row.get("numNotWatched").asLong())
          .isEqualTo(modules.stream().filter(m -> !m.get("watched").asBoolean()).count());
      assertThat(row.get("numIncorrect").asLong())
          .isEqualTo(modules.stream().filter(m -> m.get("onWatchlist").asBoolean()).count());
      assertThat(row.get("numCorrect").asLong())
          .isEqualTo(
              modules.stream().filter(m -> m.path("myAnswer").asText().equals("CORRECT")).count());
      assertThat(training.get("needEngagement").asBoolean())
          .isEqualTo(row.get("numNotWatched").asLong() >= 2);
    }
  }

  @Test
  void somebodyHasACompletionGapAndThePerformanceTypeSelectsByIt() {
    List<JsonNode> behind =
        all(
            AwarenessArea.PERFORMANCE_DETAILS,
            "{\"filterBy\":{\"fieldName\":\"type\",\"value\":\"video_count_2\"}}",
            null,
            50);

    assertThat(behind).isNotEmpty();
    assertThat(behind).allSatisfy(r -> assertThat(r.get("numNotWatched").asInt()).isEqualTo(2));
  }

  @Test
  void theWatchlistCountsWrongAnswersAndSimulationClicks() {
    List<JsonNode> watchlist = all(AwarenessArea.WATCHLIST_DETAILS, "", null, 10);
    String latest = latestCampaign().get("id").asText();
    Map<String, JsonNode> results =
        all(AwarenessArea.GET_USER_DATA, "{\"id\":\"" + latest + "\"}", "items", 500).stream()
            .collect(Collectors.toMap(r -> r.get("email").asText(), Function.identity()));

    assertThat(watchlist).isNotEmpty();
    for (JsonNode entry : watchlist) {
      JsonNode result = results.get(entry.get("email").asText());
      assertThat(entry.get("watchlistCount").asInt())
          .isEqualTo(
              result.get("numIncorrectAnswers").asInt() + result.get("numCampaignsClicked").asInt())
          .isPositive();
    }
  }

  @Test
  void safeScoresUseEmailAddressWhileOtherListingsUseEmail() {
    JsonNode score = all(AwarenessArea.SAFE_SCORE_DETAILS, "", null, 500).get(0);
    JsonNode performance = all(AwarenessArea.PERFORMANCE_DETAILS, "", null, 500).get(0);

    assertThat(score.has("emailAddress")).isTrue();
    assertThat(score.has("email")).isFalse();
    assertThat(performance.has("email")).isTrue();
    assertThat(performance.has("emailAddress")).isFalse();
  }

  @Test
  void anUnknownCampaignIsAnInvalidTokenAndAnUnknownTrainingUserIsNamed() {
    JsonNode campaign =
        client.v2(AwarenessArea.GET_CAMPAIGN, "{\"data\":[{\"id\":\"eNqNoSuchCampaign\"}]}").json();
    JsonNode results =
        client
            .v2(AwarenessArea.GET_USER_DATA, "{\"data\":[{\"id\":\"eNqNoSuchCampaign\"}]}")
            .json();
    JsonNode training =
        client
            .v2(
                AwarenessArea.TRAINING_DETAILS,
                "{\"data\":[{\"emailAddress\":\"nobody@acme-corp.example\"}]}")
            .json();

    assertThat(campaign.at("/fail/0/errors/0/code").asText()).isEqualTo("xdk_failure");
    assertThat(results.at("/fail/0/errors/0/code").asText()).isEqualTo("xdk_failure");
    assertThat(training.at("/fail/0/errors/0/code").asText())
        .isEqualTo(AwarenessArea.USER_NOT_FOUND);
    assertThat(training.at("/fail/0/key/emailAddress").asText())
        .isEqualTo("nobody@acme-corp.example");
  }

  @Test
  void anUnknownSearchFieldIsRejected() {
    JsonNode reply =
        client
            .v2(
                AwarenessArea.SAFE_SCORE_DETAILS,
                "{\"data\":[{\"searchBy\":{\"fieldName\":\"title\",\"value\":\"x\"}}]}")
            .json();

    assertThat(reply.at("/fail/0/errors/0/code").asText())
        .isEqualTo("err_validation_value_not_allowed");
  }
}
