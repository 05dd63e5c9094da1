package dev.mci.client.awareness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.ApiFunctionException;
import dev.mci.client.AuthenticationException;
import dev.mci.client.InvalidRequestException;
import dev.mci.client.MimecastClient;
import dev.mci.client.NotFoundException;
import dev.mci.client.ServerException;
import dev.mci.client.groups.LocalTenant;
import dev.mci.client.groups.LocalTenant.Generation;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.tenant.User;
import dev.mci.simulator.tenant.UserBehaviour;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Awareness Training end to end over loopback against the simulator. */
class AwarenessApiTest {

  private static final String SAFE = "/api/awareness-training/company/get-safe-score-details";
  private static final String USER_DATA = "/api/awareness-training/phishing/campaign/get-user-data";

  private static LocalTenant local;

  @BeforeAll
  static void start() {
    local = new LocalTenant();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  private static List<String> addresses(List<User> users) {
    return users.stream().map(User::address).toList();
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void safeScoresArePagedToTheEndOnBothGenerations(Generation generation) {
    try (MimecastClient client = local.client(generation)) {
      long before = local.calls(SAFE);

      List<SafeScore> scores = client.awareness().pageSize(10).safeScores().stream().toList();

      assertThat(scores)
          .extracting(SafeScore::emailAddress)
          .containsExactlyElementsOf(addresses(local.tenant().users()));
      assertThat(local.calls(SAFE) - before).isEqualTo((scores.size() + 9) / 10);
      assertThat(scores).allSatisfy(s -> assertThat(s.risk()).isIn("A", "B", "C", "D", "F"));
    }
  }

  @Test
  void theLatestCampaignsClickersAreTheTenantsAndTheyScoreWorse() {
    try (MimecastClient client = local.client(Generation.API_2_OAUTH)) {
      AwarenessApi awareness = client.awareness().pageSize(7);
      PhishingCampaign latest = awareness.latestPhishingCampaign().orElseThrow();

      List<PhishingResult> clickers =
          awareness.phishingResults(latest.id()).stream()
              .filter(PhishingResult::hasClicked)
              .toList();
      Map<String, SafeScore> scores =
          awareness.safeScores().stream()
              .collect(Collectors.toMap(SafeScore::emailAddress, Function.identity()));

      assertThat(clickers)
          .extracting(PhishingResult::email)
          .containsExactlyInAnyOrderElementsOf(
              local.tenant().behaviours().stream()
                  .filter(UserBehaviour::clickedLatestSimulation)
                  .map(b -> b.user().address())
                  .toList());
      assertThat(latest.clicked()).isEqualTo(clickers.size());
      assertThat(clickers).allSatisfy(r -> assertThat(r.clicked()).isPresent());
      assertThat(local.tenant().riskyUsers())
          .allSatisfy(u -> assertThat(scores.get(u.address()).risk()).isIn("D", "F"));
    }
  }

  @Test
  void aStatusFilterIsExactAndCampaignsAreListedWithTheirTargets() {
    try (MimecastClient client = local.client(Generation.API_1_HMAC)) {
      AwarenessApi awareness = client.awareness().pageSize(5);
      List<PhishingCampaign> campaigns = awareness.phishingCampaigns();
      PhishingCampaign latest = awareness.latestPhishingCampaign().orElseThrow();

      List<PhishingResult> submitted =
          awareness.phishingResults(latest.id(), List.of("submitted")).stream().toList();

      assertThat(campaigns).hasSizeGreaterThan(2);
      assertThat(campaigns)
          .allSatisfy(c -> assertThat(c.sent()).isGreaterThanOrEqualTo(c.opened()));
      assertThat(campaigns).allSatisfy(c -> assertThat(c.group()).isPresent());
      assertThat(submitted).hasSize(latest.submitted());
      assertThat(submitted).allSatisfy(r -> assertThat(r.status()).isEqualTo("submitted"));
      assertThat(awareness.phishingCampaign(latest.id())).isEqualTo(latest);
      assertThatThrownBy(() -> awareness.phishingResults(latest.id(), List.of("ignored")))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("'ignored'");
    }
  }

  @Test
  void anUnknownCampaignIsNotFound() {
    try (MimecastClient client = local.client(Generation.API_2_OAUTH)) {
      assertThatThrownBy(() -> client.awareness().phishingCampaign("eNqNoSuchCampaign"))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("no phishing campaign has the id 'eNqNoSuchCampaign'");
      assertThatThrownBy(
              () -> client.awareness().phishingResults("eNqNoSuchCampaign").stream().toList())
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void performanceFiltersByDepartmentAndTypeAndAgreesWithTrainingDetails() {
    try (MimecastClient client = local.client(Generation.API_1_HMAC)) {
      AwarenessApi awareness = client.awareness().pageSize(2);

      List<TrainingPerformance> finance =
          awareness
              .performance(
                  Optional.of(UserSearch.department("Finance")), PerformanceType.VIDEO_COUNT_ALL)
              .stream()
              .toList();
      List<TrainingPerformance> behindByTwo =
          awareness.performance(Optional.empty(), PerformanceType.VIDEO_COUNT_2).stream().toList();

      assertThat(finance)
          .extracting(TrainingPerformance::email)
          .containsExactlyElementsOf(
              addresses(
                  local.tenant().users().stream()
                      .filter(u -> u.department().equals("Finance"))
                      .toList()));
      assertThat(behindByTwo).isNotEmpty().allSatisfy(p -> assertThat(p.notWatched()).isEqualTo(2));
      TrainingPerformance first = finance.get(0);
      TrainingDetails details = awareness.trainingDetails(first.email());
      assertThat(details.notWatched()).hasSize(first.notWatched());
      assertThat(details.modules().stream().filter(TrainingAssignment::onWatchlist).count())
          .isEqualTo(first.incorrect());
      assertThat(details.modules()).allSatisfy(m -> assertThat(m.assigned()).isPresent());
      assertThat(details.modules().stream().filter(TrainingAssignment::watched))
          .allSatisfy(m -> assertThat(m.watchedDate()).isPresent());
    }
  }

  @Test
  void theWatchlistListsOnlyUsersWithACount() {
    try (MimecastClient client = local.client(Generation.API_2_OAUTH)) {
      List<WatchlistEntry> watchlist =
          client.awareness().pageSize(4).watchlist(Optional.empty()).stream().toList();

      assertThat(watchlist)
          .isNotEmpty()
          .allSatisfy(w -> assertThat(w.watchlistCount()).isPositive());
      assertThat(watchlist)
          .extracting(WatchlistEntry::email)
          .containsAll(addresses(local.tenant().riskyUsers()));
    }
  }

  @Test
  void findsUsersByAddressOrDisplayNameAndSuggestsNearNames() {
    User cfo = local.tenant().users().get(1);
    try (MimecastClient client = local.client(Generation.API_2_OAUTH)) {
      AwarenessApi awareness = client.awareness();

      assertThat(awareness.findUsers(cfo.address().toUpperCase()).unique())
          .map(AwarenessUser::emailAddress)
          .contains(cfo.address());
      assertThat(awareness.findUsers(cfo.displayName().toLowerCase()).exact())
          .extracting(AwarenessUser::emailAddress)
          .contains(cfo.address());
      UserMatches partial = awareness.findUsers(cfo.firstName());
      assertThat(partial.exact()).isEmpty();
      assertThat(partial.partial()).extracting(AwarenessUser::emailAddress).contains(cfo.address());
      assertThat(awareness.findUsers("nobody@acme-corp.example").exact()).isEmpty();
      assertThat(awareness.findUsers("Nobody At All").partial()).isEmpty();
    }
  }

  @Test
  void trainingDetailsOfAnUnknownUserFailWithTheServersError() {
    try (MimecastClient client = local.client(Generation.API_1_HMAC)) {
      assertThatThrownBy(() -> client.awareness().trainingDetails("nobody@acme-corp.example"))
          .isInstanceOf(ApiFunctionException.class)
          .hasMessageContaining("err_awareness_user_not_found");
      assertThatThrownBy(() -> client.awareness().trainingDetails("Jane Doe"))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("not an e-mail address");
    }
  }

  @Test
  void rateLimitsAreWaitedOutAndServerErrorsAndBadSecretsFailTyped() {
    PhishingCampaign latest;
    try (MimecastClient client = local.client(Generation.API_2_OAUTH)) {
      latest = client.awareness().latestPhishingCampaign().orElseThrow();
      local.server.faults().enqueue(USER_DATA, ScriptedFault.rateLimited(Duration.ofSeconds(4)));
      int sleeps = local.time.sleeps().size();

      assertThat(client.awareness().phishingResults(latest.id()).stream().count())
          .isEqualTo(latest.sent());
      assertThat(local.time.sleeps().subList(sleeps, local.time.sleeps().size()))
          .containsExactly(Duration.ofSeconds(4));

      local.failNext(SAFE, 503, 4);
      assertThatThrownBy(() -> client.awareness().safeScores().stream().count())
          .isInstanceOf(ServerException.class);
    }
    try (MimecastClient client = local.clientWithWrongSecret()) {
      assertThatThrownBy(() -> client.awareness().phishingCampaigns())
          .isInstanceOf(AuthenticationException.class);
    }
  }
}
