package dev.mci.investigate.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.messages.MessageInfo;
import dev.mci.client.policies.PolicyExplainer;
import dev.mci.client.policies.PolicyExplanation;
import dev.mci.client.policies.PolicyMatch;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseMessageInfo;
import dev.mci.investigate.cases.CaseRecorder;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.cases.EvidenceFolder;
import dev.mci.investigate.cases.GroupMembership;
import dev.mci.investigate.cases.Person;
import dev.mci.investigate.engine.AuditEntry;
import dev.mci.investigate.engine.AuditTrail;
import dev.mci.investigate.engine.InvestigationScope;
import dev.mci.investigate.engine.Playbook;
import dev.mci.investigate.engine.PlaybookResult;
import dev.mci.investigate.engine.PlaybookRunner;
import dev.mci.investigate.engine.Step;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.PhishingScenario;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message-info, people and policy steps over the simulator on loopback: their side-by-side and
 * tenant-wide reads must tell exactly what per-copy, per-person, one-after-another calls tell.
 * Expected values come from the client and the planted scenario, never from this file.
 */
class FanOutStepsTest {

  private static SimulatorServer server;
  private static PhishingScenario phish;

  @TempDir Path folder;
  private MimecastClient client;
  private final AuditTrail audit = new AuditTrail();
  private final CaseRecorder recorder = new CaseRecorder();

  @BeforeAll
  static void start() {
    server = SimulatorServer.start(SimulatorConfig.builder().port(0).portV1(0).build());
    phish = server.tenant().scenario();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void peopleComeFromTheTenantListingsAndMatchEachPersonsTrainingDetails() {
    PlaybookResult result = run(new PeopleStep(false));

    List<Person> people = result.value(PeopleStep.KEY).orElseThrow();
    assertThat(people).hasSize(phish.recipients().size());
    for (Person person : people) {
      assertThat(person.trainingModulesNotWatched())
          .as(person.address())
          .isEqualTo(client.awareness().trainingDetails(person.address()).notWatched().size());
    }
    // Every recipient is in the performance listing: no per-person call was needed.
    assertThat(audit.entriesFor(PeopleStep.KEY.name()))
        .extracting(AuditEntry::endpoint)
        .noneMatch(endpoint -> endpoint.endsWith("/user/get-training-details"))
        .hasSizeLessThan(people.size());
  }

  @Test
  void theSideBySideSnapshotExplainsEveryFlowAsTheClientsOwnExplainerDoes() {
    PlaybookResult result = run(new PolicyExplainStep());

    List<PolicyExplanation> explanations = result.value(PolicyExplainStep.KEY).orElseThrow();
    assertThat(explanations).isNotEmpty();
    PolicyExplainer reference = client.policies().explainer();
    for (PolicyExplanation explanation : explanations) {
      assertThat(explanation).isEqualTo(reference.explain(explanation.flow()));
    }
    // The group members are read side by side: all at the same place on the chain.
    List<AuditEntry> members =
        audit.entriesFor(PolicyExplainStep.KEY.name()).stream()
            .filter(e -> e.endpoint().endsWith("/get-group-members"))
            .toList();
    assertThat(members).hasSizeGreaterThan(1);
    assertThat(members.stream().map(AuditEntry::chain).distinct()).hasSize(1);
  }

  @Test
  void theSendersGroupIsAPermitBecauseAnApplyingExceptionNamesIt() {
    PlaybookResult result = run(new PolicyExplainStep());

    PolicyExplanation phishFlow = result.value(PolicyExplainStep.KEY).orElseThrow().get(0);
    List<String> exemptedGroupIds =
        phishFlow.applying().stream()
            .map(PolicyMatch::policy)
            .filter(p -> p.exempts() && p.from().type().equals("profile_group"))
            .map(p -> p.from().value().orElseThrow())
            .toList();
    assertThat(exemptedGroupIds).isNotEmpty();
    List<String> permitted =
        phishFlow.senderGroups().stream()
            .filter(m -> exemptedGroupIds.contains(m.group().id()))
            .map(m -> m.group().name())
            .toList();
    assertThat(recorder.snapshot().memberships())
        .filteredOn(m -> m.effect().equals("permit"))
        .extracting(GroupMembership::group)
        .containsExactlyInAnyOrderElementsOf(permitted)
        .isNotEmpty();
  }

  @Test
  void everyCopyIsLookedUpBecauseEachAnswerCarriesOnlyItsOwnRecipientsDelivery() {
    PlaybookResult result = run(new MessageInfoStep());

    List<CaseMessageInfo> infos = result.value(MessageInfoStep.KEY).orElseThrow();
    assertThat(infos)
        .extracting(CaseMessageInfo::id)
        .containsExactlyInAnyOrderElementsOf(phish.messageFinderIds());
    for (CaseMessage copy : recorder.snapshot().messages()) {
      MessageInfo info = client.messages().info(copy.id());
      assertThat(info.deliveries().keySet())
          .as(copy.id())
          .isSubsetOf(copy.to().stream().map(a -> a.address()).toList());
    }
    // The copies are looked up side by side: all at the same place on the chain.
    assertThat(
            audit.entriesFor(MessageInfoStep.KEY.name()).stream().map(AuditEntry::chain).distinct())
        .hasSize(1);
  }

  /** Locates the planted phish by its Message-ID, then runs {@code step}. */
  private PlaybookResult run(Step<?> step) {
    client =
        MimecastClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(
                new OAuth2Credentials(
                    server.credentials().clientId(), server.credentials().clientSecret()))
            .callListener(audit)
            .build();
    Instant now = Instant.now();
    InvestigationScope scope =
        new InvestigationScope(
            client,
            Indicator.of(phish.messageIdHeader(), IndicatorType.MESSAGE_ID_HEADER),
            new CaseWindow(now.minus(MessageFinder.REACH), now),
            Clock.systemUTC(),
            recorder,
            new EvidenceFolder(folder.resolve("evidence")));
    Playbook playbook =
        Playbook.builder().step(new LocateMessagesStep(null, null)).step(step).build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      PlaybookResult result = new PlaybookRunner(pool, 2).run(playbook, scope);
      assertThat(result.complete()).as(result.outcomes().toString()).isTrue();
      return result;
    } finally {
      pool.shutdownNow();
    }
  }
}
