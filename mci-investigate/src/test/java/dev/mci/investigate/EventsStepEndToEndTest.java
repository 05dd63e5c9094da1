package dev.mci.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.client.MimecastClient;
import dev.mci.client.events.EventType;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseJson;
import dev.mci.investigate.cases.EvidenceFile;
import dev.mci.investigate.cases.Finding;
import dev.mci.investigate.cases.LocalEvent;
import dev.mci.investigate.cases.LocalEventHunt;
import dev.mci.investigate.cases.Severity;
import dev.mci.investigate.cases.StepReport;
import dev.mci.investigate.cases.StepStatus;
import dev.mci.investigate.cases.TimelineEvent;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.store.EventStore;
import dev.mci.store.HuntKind;
import dev.mci.store.HuntQuery;
import dev.mci.store.HuntResult;
import dev.mci.store.StoreLocation;
import dev.mci.store.pull.EventPuller;
import dev.mci.store.pull.PullListener;
import dev.mci.store.pull.PullOptions;
import dev.mci.store.pull.PullReport;
import dev.mci.store.testing.PullFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playbook step 9 end to end: the simulator's SIEM events are pulled into a SQLite store by the
 * real puller, then the planted phish is investigated with that store. Every expected value is read
 * from the scenario or from the store itself, never written here.
 */
class EventsStepEndToEndTest {

  @TempDir static Path shared;

  private static PullFixture fixture;
  private static PhishingScenario phish;
  private static StoreLocation store;

  @TempDir Path root;

  @BeforeAll
  static void pullTheEvents() {
    fixture =
        new PullFixture(
            StoreLocation.Engine.SQLITE,
            shared,
            EventStreamConfig.builder()
                .batchInterval(Duration.ofHours(6))
                .volume(3_000)
                .webSecurityRequestsPerUserPerDay(2)
                .build());
    phish = fixture.server.tenant().scenario();
    store = fixture.location;
    PullOptions options =
        fixture
            .options()
            .types(
                EnumSet.of(
                    EventType.RECEIPT,
                    EventType.ATTACHMENT_PROTECT,
                    EventType.IMPERSONATION_PROTECT,
                    EventType.URL_PROTECT,
                    EventType.WEB_SECURITY))
            .build();
    try (EventStore writable = EventStore.open(store, fixture.clock);
        MimecastClient client = fixture.api2().build()) {
      PullReport report = new EventPuller(client, writable, options, PullListener.none()).run();
      assertThat(report.complete()).as(report.problems().toString()).isTrue();
      assertThat(report.stored()).isPositive();
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private InvestigationOptions.Builder options() {
    return InvestigationOptions.builder()
        .client(fixture.api2())
        .casesRoot(root)
        .clock(fixture.clock);
  }

  private static HuntResult hunt(HuntKind kind, String value, Case model) {
    try (EventStore readOnly = EventStore.openReadOnly(store)) {
      return readOnly.hunt(
          new HuntQuery(kind, value, model.window().since(), model.window().until(), 0));
    }
  }

  private static LocalEventHunt huntOf(Case model, String role, String value) {
    return model.data().localEventHunts().stream()
        .filter(h -> h.role().equals(role) && h.value().equals(value))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + role + " hunt for " + value));
  }

  @Test
  void thePlantedPhishGetsTheStoresRowsForItsSenderIpAttachmentAndRecipients() throws Exception {
    Case model = Investigation.run(phish.messageIdHeader(), options().eventStore(store).build());

    StepReport step =
        model.steps().stream()
            .filter(s -> s.name().equals("local-events"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no step; missing: " + model.missing()));
    assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(model.missing()).noneSatisfy(m -> assertThat(m).contains("event store"));

    // Totals are the store's own, for the case window.
    String sender = phish.envelopeSender().address().toLowerCase(Locale.ROOT);
    HuntResult bySender = hunt(HuntKind.SENDER, sender, model);
    assertThat(bySender.total()).isPositive();
    assertThat(huntOf(model, "sender", sender).total()).isEqualTo(bySender.total());
    HuntResult byIp = hunt(HuntKind.IP, phish.sendingIp(), model);
    assertThat(huntOf(model, "sending-ip", phish.sendingIp()).total()).isEqualTo(byIp.total());
    assertThat(huntOf(model, "sender-domain", phish.senderDomain()).total())
        .isEqualTo(hunt(HuntKind.DOMAIN, phish.senderDomain(), model).total());
    assertThat(model.data().localEventHunts())
        .filteredOn(h -> h.role().equals("recipient"))
        .hasSize(Math.min(phish.recipients().size(), 25));

    // The rows kept carry which of the case's values they hold.
    List<LocalEvent> rows = model.data().localEvents();
    assertThat(rows)
        .anySatisfy(
            r -> {
              assertThat(r.logType()).isEqualTo("attachment protect");
              assertThat(r.matched()).contains("attachment:" + phish.attachmentSha256());
            });
    assertThat(rows)
        .filteredOn(r -> r.matched().contains("sender:" + sender))
        .extracting(LocalEvent::logType)
        .contains("receipt", "impersonation protect");
    assertThat(rows)
        .filteredOn(r -> r.logType().equals("receipt") && r.matched().contains("sender:" + sender))
        .allSatisfy(r -> assertThat(r.matched()).contains("sending-ip:" + phish.sendingIp()));
    assertThat(rows)
        .extracting(LocalEvent::storeId)
        .containsAll(
            bySender.rows().stream()
                .filter(r -> r.logType().equals("impersonation protect"))
                .map(r -> r.id())
                .toList());
    assertThat(rows.get(0).matched().size())
        .isEqualTo(rows.stream().mapToInt(r -> r.matched().size()).max().orElseThrow());

    // A plain statement with the store's count, severity by what the rows show.
    Finding finding =
        model.findings().stream()
            .filter(f -> f.statement().contains(" for sender " + sender))
            .findFirst()
            .orElseThrow();
    assertThat(finding.statement())
        .startsWith("The local event store holds " + bySender.total() + " events for sender ")
        .contains("impersonation protect");
    assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.kind()).isEqualTo("event"));

    // Rows the API timeline does not show join the timeline.
    List<TimelineEvent> fromStore =
        model.timeline().stream().filter(e -> e.kind().equals("event-store")).toList();
    assertThat(fromStore).isNotEmpty();
    assertThat(fromStore)
        .allSatisfy(
            e -> assertThat(rows).anySatisfy(r -> assertThat(r.time()).isEqualTo(e.time())));

    // events.json holds every row found, as the store received it.
    EvidenceFile file =
        model.evidence().stream()
            .filter(f -> f.path().equals("evidence/events.json"))
            .findFirst()
            .orElseThrow();
    JsonNode json =
        CaseJson.MAPPER.readTree(root.resolve(model.id()).resolve(file.path()).toFile());
    assertThat(json.get("hunts").size()).isEqualTo(model.data().localEventHunts().size());
    assertThat(json.get("events").size()).isGreaterThanOrEqualTo(rows.size());
    assertThat(json.get("events").get(0).get("event").isObject()).isTrue();

    // The reports show the section; case.json reads back equal.
    assertThat(Files.readString(root.resolve(model.id()).resolve("report.md")))
        .contains("## Local event store");
    assertThat(Files.readString(root.resolve(model.id()).resolve("report.html")))
        .contains("<h2>Local event store</h2>");
    Case reread = dev.mci.investigate.cases.CaseFolder.read(root.resolve(model.id()));
    assertThat(reread.data().localEvents()).isEqualTo(rows);
  }

  @Test
  void aSenderIndicatorIsHuntedAsItself() {
    String sender = phish.envelopeSender().address();
    Case model =
        Investigation.run(
            Indicator.of(sender, IndicatorType.SENDER_ADDRESS),
            options().eventStore(store).build());

    LocalEventHunt hunt = huntOf(model, "indicator", sender.toLowerCase(Locale.ROOT));
    assertThat(hunt.total()).isEqualTo(hunt(HuntKind.SENDER, sender, model).total());
    assertThat(model.data().localEventHunts())
        .noneSatisfy(h -> assertThat(h.role()).isEqualTo("sender"));
  }

  @Test
  void withoutAStoreTheStepDoesNotRunAndNoStoreIsCreated() {
    Path missing = root.resolve("no-store").resolve("events.db");

    Case none = Investigation.run(phish.messageIdHeader(), options().build());
    Case absent =
        Investigation.run(
            phish.messageIdHeader(), options().eventStore(StoreLocation.sqlite(missing)).build());

    for (Case model : List.of(none, absent)) {
      assertThat(model.steps()).noneSatisfy(s -> assertThat(s.name()).isEqualTo("local-events"));
      assertThat(model.data().localEventHunts()).isEmpty();
      assertThat(model.missing())
          .anySatisfy(m -> assertThat(m).startsWith("No local event store"))
          .noneSatisfy(m -> assertThat(m).startsWith("Not covered by this build: matching rows"));
    }
    assertThat(absent.missing()).anySatisfy(m -> assertThat(m).contains(missing.toString()));
    assertThat(missing.getParent()).doesNotExist();
  }

  @Test
  void anEmptyStoreIsNotSearched() {
    StoreLocation empty = StoreLocation.sqlite(root.resolve("empty.db"));
    EventStore.open(empty).close();

    Case model = Investigation.run(phish.messageIdHeader(), options().eventStore(empty).build());

    assertThat(model.steps()).noneSatisfy(s -> assertThat(s.name()).isEqualTo("local-events"));
    assertThat(model.missing()).anySatisfy(m -> assertThat(m).contains("holds no events"));
  }
}
