package dev.mci.store.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.client.Download;
import dev.mci.client.MimecastClient;
import dev.mci.client.events.BatchFile;
import dev.mci.client.events.EventType;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.simulator.events.SiemType;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.store.EventStore;
import dev.mci.store.HuntKind;
import dev.mci.store.HuntQuery;
import dev.mci.store.HuntResult;
import dev.mci.store.QuarantinedFile;
import dev.mci.store.StoreLocation;
import dev.mci.store.testing.PullFixture;
import dev.mci.store.testing.TestStores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The puller against the simulator on both store engines: complete and resumable pulls, and every
 * failure mode of issue 6 (expired URL, damaged files, refused and looping cursors, 429 storms,
 * expiring tokens).
 */
class EventPullerTest {

  private static final Set<EventType> MAIL = EnumSet.of(EventType.RECEIPT, EventType.DELIVERY);

  @TempDir Path folder;

  static StoreLocation.Engine[] engines() {
    return TestStores.engines();
  }

  private static EventStreamConfig.Builder events() {
    return EventStreamConfig.builder()
        .batchInterval(Duration.ofHours(6))
        .volume(3_000)
        .webSecurityRequestsPerUserPerDay(2);
  }

  private static PullReport pull(PullFixture sim, MimecastClient client, PullOptions options) {
    try (EventStore store = EventStore.open(sim.location, sim.clock)) {
      return new EventPuller(client, store, options, PullListener.none()).run();
    }
  }

  private static long count(PullFixture sim) {
    try (EventStore store = EventStore.open(sim.location)) {
      return store.count();
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void pullsEveryTypeAndAuditOnceAndAPullAgainAddsNothing(StoreLocation.Engine engine) {
    try (PullFixture sim = new PullFixture(engine, folder, events().maxEventsPerFile(40).build());
        MimecastClient client = sim.api2().build()) {
      PullReport first = pull(sim, client, sim.options().build());

      long siem = sim.expectedEvents(PullOptions.defaultTypes());
      assertThat(first.complete()).as(first.problems().toString()).isTrue();
      assertThat(first.duplicates()).as("split batches repeat an event").isPositive();
      try (EventStore store = EventStore.open(sim.location)) {
        long audit = store.checkpoint(EventPuller.AUDIT).orElseThrow().events();
        assertThat(audit).isPositive();
        assertThat(first.stored()).isEqualTo(siem + audit);
        assertThat(store.count()).isEqualTo(siem + audit);
      }

      PullReport again = pull(sim, client, sim.options().build());
      assertThat(again.stored()).isZero();
      assertThat(count(sim)).isEqualTo(first.stored());
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aPullStoppedAfterAnyFileResumesWithoutLosingOrRepeatingEvents(StoreLocation.Engine engine) {
    try (PullFixture sim = new PullFixture(engine, folder, events().maxEventsPerFile(40).build());
        MimecastClient client = sim.api2().build()) {
      int runs = 0;
      PullReport report;
      do {
        // Stop after a different number of commits each run: every file boundary gets a stop.
        AtomicInteger commits = new AtomicInteger();
        int stopAfter = 1 + runs % 5;
        AtomicBoolean stop = new AtomicBoolean();
        PullOptions options =
            sim.options().types(MAIL).audit(false).commitEvery(30).stop(stop::get).build();
        try (EventStore store = EventStore.open(sim.location, sim.clock)) {
          report =
              new EventPuller(
                      client,
                      store,
                      options,
                      new PullListener() {
                        @Override
                        public void progress(PullProgress progress) {
                          if (commits.incrementAndGet() >= stopAfter) {
                            stop.set(true);
                          }
                        }
                      })
                  .run();
        }
        runs++;
      } while (report.files() > 0 && runs < 500);

      assertThat(runs).isGreaterThan(10);
      assertThat(count(sim)).isEqualTo(sim.expectedEvents(MAIL));
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void corruptAndTruncatedFilesAreQuarantinedWithTheirReasonAndThePullGoesOn(
      StoreLocation.Engine engine) throws IOException {
    EventStreamConfig config =
        events().corruptFiles(Set.of("receipt:2")).truncatedFiles(Set.of("receipt:5")).build();
    try (PullFixture sim = new PullFixture(engine, folder, config);
        MimecastClient client = sim.api2().build()) {
      PullReport report =
          pull(
              sim, client, sim.options().types(EnumSet.of(EventType.RECEIPT)).audit(false).build());

      long first = sim.log().firstWindow();
      long lost =
          sim.log().count(SiemType.RECEIPT, first + 2)
              + sim.log().count(SiemType.RECEIPT, first + 5);
      assertThat(report.complete()).isTrue();
      assertThat(report.quarantined()).isEqualTo(2);
      assertThat(count(sim)).isEqualTo(sim.expectedEvents(EnumSet.of(EventType.RECEIPT)) - lost);
      try (EventStore store = EventStore.open(sim.location);
          Stream<Path> kept = Files.list(folder.resolve("quarantine"))) {
        List<QuarantinedFile> files = store.quarantined();
        assertThat(files).hasSize(2);
        assertThat(files).allSatisfy(f -> assertThat(f.reason()).contains("damaged"));
        assertThat(files).allSatisfy(f -> assertThat(f.file()).doesNotContain("Signature"));
        List<Path> paths = kept.sorted().toList();
        assertThat(paths).filteredOn(p -> p.toString().endsWith(".bin")).hasSize(2);
        assertThat(paths)
            .filteredOn(p -> p.toString().endsWith(".reason.txt"))
            .hasSize(2)
            .allSatisfy(p -> assertThat(Files.readString(p)).contains("reason: "));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aRefusedCursorRestartsFromTheNewestStoredEventWithoutDuplicates(
      StoreLocation.Engine engine) {
    try (PullFixture sim = new PullFixture(engine, folder, events().build());
        MimecastClient client = sim.api2().build()) {
      PullOptions options = sim.options().types(EnumSet.of(EventType.RECEIPT)).audit(false).build();
      pull(sim, client, options);
      try (EventStore store = EventStore.open(sim.location)) {
        store.saveCheckpoint(
            EventPuller.batchStream(EventType.RECEIPT), "{\"page\":\"eNgarbage\",\"file\":0}");
      }
      sim.clock.advance(Duration.ofHours(6));
      List<String> warnings = new ArrayList<>();

      PullReport report;
      try (EventStore store = EventStore.open(sim.location, sim.clock)) {
        report =
            new EventPuller(
                    client,
                    store,
                    options,
                    new PullListener() {
                      @Override
                      public void warning(String stream, String message) {
                        warnings.add(message);
                      }
                    })
                .run();
      }

      assertThat(report.complete()).isTrue();
      assertThat(warnings).anyMatch(w -> w.contains("refused the saved cursor"));
      assertThat(report.duplicates()).isPositive();
      long newWindow = sim.log().firstUnpublished(sim.clock.instant()) - 1;
      assertThat(report.stored()).isEqualTo(sim.log().count(SiemType.RECEIPT, newWindow));
      assertThat(count(sim))
          .isEqualTo(
              sim.log()
                  .countUnique(
                      SiemType.RECEIPT,
                      sim.log().firstWindow(),
                      sim.log().firstUnpublished(sim.clock.instant())));
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aLoopingCursorStopsThatTypeWithAProblemInsteadOfPullingForever(StoreLocation.Engine engine) {
    try (PullFixture sim = new PullFixture(engine, folder, events().loopingCursor(true).build());
        MimecastClient client = sim.api2().build()) {
      PullReport report = pull(sim, client, sim.options().types(MAIL).audit(false).build());

      assertThat(report.failedStreams())
          .containsExactly(
              EventPuller.batchStream(EventType.DELIVERY),
              EventPuller.batchStream(EventType.RECEIPT));
      assertThat(report.problems().values()).allSatisfy(p -> assertThat(p).contains("loop"));
      assertThat(report.stored()).isPositive().isEqualTo(count(sim));
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void anExpiredBatchUrlIsListedAgainAndItsFileStored(StoreLocation.Engine engine) {
    try (PullFixture sim = new PullFixture(engine, folder, events().build())) {
      AtomicBoolean expired = new AtomicBoolean();
      List<String> warnings = new ArrayList<>();
      try (MimecastClient client =
              sim.api2(
                  call -> {
                    // Right after the first listing, let its URLs go stale (they live 15 minutes).
                    if (call.endpoint().equals("/siem/v1/batch/events/cg")
                        && call.httpStatus() == 200
                        && expired.compareAndSet(false, true)) {
                      sim.clock.advance(Duration.ofMinutes(20));
                    }
                  });
          EventStore store = EventStore.open(sim.location, sim.clock)) {
        PullReport report =
            new EventPuller(
                    client,
                    store,
                    sim.options().types(EnumSet.of(EventType.RECEIPT)).audit(false).build(),
                    new PullListener() {
                      @Override
                      public void warning(String stream, String message) {
                        warnings.add(message);
                      }
                    })
                .run();

        assertThat(report.complete()).isTrue();
        assertThat(warnings).anyMatch(w -> w.contains("expired"));
        assertThat(store.count()).isEqualTo(sim.expectedEvents(EnumSet.of(EventType.RECEIPT)));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aFileThatCannotBeDownloadedStopsItsTypeAfterTheFileBeforeItIsStored(
      StoreLocation.Engine engine) throws IOException {
    try (PullFixture sim = new PullFixture(engine, folder, events().build());
        MimecastClient client = sim.api2().build()) {
      // The puller downloads each file before it stores the one before; the second file's
      // download keeps failing, and the first file must still be stored and checkpointed.
      Instant since = sim.clock.instant().minus(Duration.ofDays(6));
      List<BatchFile> files =
          client
              .events()
              .batch(EventType.RECEIPT, LocalDate.ofInstant(since, ZoneOffset.UTC), null, 7)
              .files();
      for (int i = 0; i < 100; i++) {
        sim.server.faults().enqueue(files.get(1).url().getPath(), ScriptedFault.status(500));
      }
      long firstFileEvents;
      try (Download first = client.events().openBatchFile(files.get(0));
          BufferedReader lines =
              new BufferedReader(
                  new InputStreamReader(
                      new GZIPInputStream(first.body()), StandardCharsets.UTF_8))) {
        firstFileEvents = lines.lines().filter(line -> !line.isBlank()).count();
      }

      PullReport report =
          pull(
              sim,
              client,
              sim.options().types(EnumSet.of(EventType.RECEIPT)).audit(false).since(since).build());

      String stream = EventPuller.batchStream(EventType.RECEIPT);
      assertThat(report.failedStreams()).containsExactly(stream);
      try (EventStore store = EventStore.open(sim.location)) {
        assertThat(firstFileEvents).isPositive();
        assertThat(store.count()).isEqualTo(firstFileEvents);
        assertThat(store.checkpoint(stream).orElseThrow().cursor().orElseThrow())
            .contains("\"file\":1");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aStormOf429sBeyondTheClientsRetriesIsWaitedOut(StoreLocation.Engine engine) {
    try (PullFixture sim = new PullFixture(engine, folder, events().build());
        MimecastClient client = sim.api2().build()) {
      for (int i = 0; i < 8; i++) {
        sim.server
            .faults()
            .enqueue("/siem/v1/batch/events/cg", ScriptedFault.rateLimited(Duration.ofSeconds(2)));
      }
      PullReport report =
          pull(
              sim, client, sim.options().types(EnumSet.of(EventType.RECEIPT)).audit(false).build());

      assertThat(report.complete()).as(report.problems().toString()).isTrue();
      assertThat(sim.sleeps)
          .filteredOn(d -> d.compareTo(Duration.ofSeconds(2)) >= 0)
          .hasSizeGreaterThanOrEqualTo(8);
      assertThat(count(sim)).isEqualTo(sim.expectedEvents(EnumSet.of(EventType.RECEIPT)));
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aTokenExpiringMidPullIsRenewedAndThePullCompletes(StoreLocation.Engine engine) {
    try (PullFixture sim = new PullFixture(engine, folder, events().build())) {
      AtomicInteger downloads = new AtomicInteger();
      try (MimecastClient client =
          sim.api2(
              call -> {
                if (call.endpoint().endsWith("(download URL)")
                    && downloads.incrementAndGet() == 3) {
                  sim.server.expireAllTokens();
                }
              })) {
        PullReport report = pull(sim, client, sim.options().types(MAIL).audit(false).build());

        assertThat(report.complete()).isTrue();
        assertThat(sim.server.requests().count("/oauth/token")).isEqualTo(2);
        assertThat(count(sim)).isEqualTo(sim.expectedEvents(MAIL));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aStreamThatKeepsFailingStopsAloneAndTheOthersComplete(StoreLocation.Engine engine) {
    try (PullFixture sim = new PullFixture(engine, folder, events().build());
        MimecastClient client = sim.api2().build()) {
      for (int i = 0; i < 40; i++) {
        sim.server.faults().enqueue("/api/audit/get-audit-events", ScriptedFault.status(503));
      }
      PullReport report =
          pull(sim, client, sim.options().types(EnumSet.of(EventType.RECEIPT)).audit(true).build());

      assertThat(report.failedStreams()).containsExactly(EventPuller.AUDIT);
      assertThat(count(sim)).isEqualTo(sim.expectedEvents(EnumSet.of(EventType.RECEIPT)));
    } finally {
      // Faults left queued belong to this test's simulator only.
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void apiOneLogFilesAreStoredOnceAndARefusedTokenStartsAgainWithoutDuplicates(
      StoreLocation.Engine engine) {
    EventStreamConfig config = events().corruptFiles(Set.of("siem-v1:3")).build();
    try (PullFixture sim = new PullFixture(engine, folder, config);
        MimecastClient client = sim.api1().build()) {
      PullOptions options = sim.options().audit(false).build();
      PullReport first = pull(sim, client, options);

      assertThat(first.complete()).isTrue();
      assertThat(first.quarantined()).isEqualTo(1);
      long stored = count(sim);
      assertThat(stored).isPositive().isLessThan(sim.expectedEvents(PullOptions.defaultTypes()));

      try (EventStore store = EventStore.open(sim.location)) {
        store.saveCheckpoint(EventPuller.LEGACY, "not-a-token");
      }
      PullReport again = pull(sim, client, options);
      assertThat(again.stored()).isZero();
      assertThat(again.duplicates()).isEqualTo(stored);
      assertThat(count(sim)).isEqualTo(stored);
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void streamingPagesStoreTheLastDayAndResume(StoreLocation.Engine engine) {
    try (PullFixture sim = new PullFixture(engine, folder, events().build());
        MimecastClient client = sim.api2().build()) {
      PullOptions options =
          sim.options().via(PullOptions.Via.STREAM).audit(false).pageSize(250).build();
      PullReport first = pull(sim, client, options);
      sim.clock.advance(Duration.ofHours(6));
      PullReport second = pull(sim, client, options);

      assertThat(first.complete()).isTrue();
      assertThat(first.stored()).isPositive();
      long newWindow = sim.log().firstUnpublished(sim.clock.instant()) - 1;
      long inNewWindow = 0;
      for (EventType type : PullOptions.defaultTypes()) {
        inNewWindow += sim.log().count(SiemType.fromWire(type.wire()).orElseThrow(), newWindow);
      }
      assertThat(second.stored()).isEqualTo(inNewWindow);
      assertThat(second.duplicates()).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void huntsAfterAPullFindThePlantedPhishEverywhereItAppears(StoreLocation.Engine engine) {
    try (PullFixture sim = new PullFixture(engine, folder, events().build());
        MimecastClient client = sim.api2().build()) {
      pull(
          sim,
          client,
          sim.options()
              .types(
                  EnumSet.of(
                      EventType.RECEIPT,
                      EventType.ATTACHMENT_PROTECT,
                      EventType.IMPERSONATION_PROTECT,
                      EventType.URL_PROTECT,
                      EventType.WEB_SECURITY))
              .build());
      PhishingScenario phish = sim.server.tenant().scenario();

      try (EventStore store = EventStore.openReadOnly(sim.location)) {
        HuntResult sender =
            store.hunt(
                new HuntQuery(HuntKind.SENDER, phish.envelopeSender().address(), null, null, 0));
        assertThat(sender.rows())
            .filteredOn(r -> r.logType().equals("receipt"))
            .hasSize(phish.recipients().size());
        assertThat(sender.rows()).anyMatch(r -> r.logType().equals("impersonation protect"));
        HuntResult hash =
            store.hunt(new HuntQuery(HuntKind.HASH, phish.attachmentSha256(), null, null, 0));
        assertThat(hash.rows())
            .singleElement()
            .satisfies(r -> assertThat(r.logType()).isEqualTo("attachment protect"));
        HuntResult ip = store.hunt(new HuntQuery(HuntKind.IP, phish.sendingIp(), null, null, 0));
        assertThat(ip.total()).isGreaterThanOrEqualTo(phish.recipients().size());
        HuntResult domain =
            store.hunt(new HuntQuery(HuntKind.DOMAIN, phish.senderDomain(), null, null, 0));
        // The lookalike domain: mail from it, clicks on its link, blocked web requests to it.
        assertThat(domain.rows())
            .extracting(r -> r.logType())
            .contains("receipt", "url protect", "web security");
        HuntResult user =
            store.hunt(
                new HuntQuery(HuntKind.USER, phish.heldRecipient().address(), null, null, 0));
        assertThat(user.rows()).extracting(r -> r.messageId()).contains(phish.messageIdHeader());
        HuntResult audit =
            store.hunt(new HuntQuery(HuntKind.USER, phish.releasedBy(), null, null, 0));
        assertThat(audit.rows()).anyMatch(r -> r.logType().equals("audit"));
      }
    }
  }
}
