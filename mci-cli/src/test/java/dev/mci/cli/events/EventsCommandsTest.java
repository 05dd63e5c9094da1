package dev.mci.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.support.Json;
import dev.mci.cli.testing.InProcessCli;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.simulator.events.SiemLog;
import dev.mci.simulator.events.SiemType;
import dev.mci.store.EventStore;
import dev.mci.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mci events pull|status} in-process against the simulator. */
class EventsCommandsTest {

  private static final EventStreamConfig EVENTS =
      EventStreamConfig.builder().batchInterval(Duration.ofHours(6)).volume(3_000).build();

  private static SimulatorServer server;

  @TempDir Path folder;

  @BeforeAll
  static void start() {
    server = SimulatorServer.start(SimulatorConfig.builder().events(EVENTS).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Events of receipt and delivery a pull from {@code since} (a day start) must store. */
  private static long expected(Instant since) {
    SiemLog log = new SiemLog(server.tenant(), EVENTS);
    Instant now = Instant.now();
    long from = log.windowOf(since.toEpochMilli());
    long to = log.firstUnpublished(now);
    return log.countUnique(SiemType.RECEIPT, from, to)
        + log.countUnique(SiemType.DELIVERY, from, to);
  }

  private static String threeDaysAgo() {
    return LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();
  }

  @Test
  void pullStoresTheEventsReportsProgressAndAPullAgainStoresNothingNew() {
    EventsCli cli = EventsCli.api2(folder, server);

    InProcessCli.Run first =
        cli.run("events", "pull", "--types", "receipt,delivery", "--since", threeDaysAgo());
    InProcessCli.Run again =
        cli.run("events", "pull", "--types", "receipt,delivery", "--since", threeDaysAgo());

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.err()).contains("events stored").contains("events/s").contains("lag");
    long expected =
        expected(LocalDate.parse(threeDaysAgo()).atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(first.err()).contains(String.format("stored %,d new events", expected));
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.err()).contains("stored 0 new events");
    try (EventStore store =
        EventStore.openReadOnly(
            StoreLocation.sqlite(cli.dataFolder().resolve(StoreLocation.DEFAULT_FILE)))) {
      assertThat(store.count()).isEqualTo(expected);
    }
  }

  @Test
  void statusListsEachStreamsCheckpoint() throws Exception {
    EventsCli cli = EventsCli.api2(folder, server);
    cli.run("events", "pull", "--types", "receipt,audit", "--since", threeDaysAgo());

    InProcessCli.Run status = cli.run("events", "status", "--format", "json");

    assertThat(status.exitCode()).as(status.toString()).isZero();
    JsonNode rows = Json.MAPPER.readTree(status.out());
    assertThat(rows)
        .extracting(r -> r.get("stream").asText())
        .containsExactly("audit", "siem-batch:receipt");
    assertThat(rows.get(1).get("events").asLong()).isPositive();
    assertThat(status.err()).contains("events stored");
  }

  @Test
  void apiOnePullsTheLogFilesIntoAPostgresStore() {
    try (TestPostgres postgres = new TestPostgres()) {
      EventsCli cli = EventsCli.api1(folder, server);

      InProcessCli.Run run =
          cli.run("events", "pull", "--types", "receipt,process", "--store", postgres.store());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      try (EventStore store = EventStore.openReadOnly(StoreLocation.parse(postgres.store()))) {
        assertThat(store.count()).isPositive();
        assertThat(store.checkpoint("siem-v1")).isPresent();
      }
    }
  }

  @Test
  void userMistakesAreOneLineErrorsWithTheirExitCodes() {
    EventsCli cli = EventsCli.api2(folder, server);

    assertOneLine(cli.run("events", "pull", "--types", "nonsense"), 2, "not a log type");
    assertOneLine(cli.run("events", "pull", "--poll", "soon", "--follow"), 2, "not a duration");
    assertOneLine(cli.run("events", "pull", "--via", "carrier-pigeon"), 2, "batch or stream");
    assertOneLine(cli.run("events", "pull", "--since", "yesterday"), 2, "--since");
    assertOneLine(
        cli.run("events", "pull", "--store", "jdbc:mysql://db/x"), 4, "unsupported store");
    assertOneLine(EventsCli.offline(folder).run("events", "pull"), 4, "credentials");
    assertOneLine(EventsCli.offline(folder).run("events", "status"), 4, "no store");
  }

  private static void assertOneLine(InProcessCli.Run run, int exitCode, String text) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
    assertThat(run.err()).contains(text).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.err().lines().filter(l -> l.startsWith("mci: ")).count()).isEqualTo(1);
  }
}
