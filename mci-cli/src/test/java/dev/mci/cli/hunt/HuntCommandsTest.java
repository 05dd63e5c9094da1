package dev.mci.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.events.EventsCli;
import dev.mci.cli.events.TestPostgres;
import dev.mci.cli.support.Json;
import dev.mci.cli.testing.InProcessCli;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.simulator.tenant.PhishingScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mci hunt ...} over a store filled by {@code mci events pull}. */
class HuntCommandsTest {

  private static final String TYPES = "receipt,attachment-protect,web-security,audit";

  private static SimulatorServer server;
  private static PhishingScenario phish;
  @TempDir static Path folder;
  private static EventsCli cli;

  @BeforeAll
  static void pull() {
    server =
        SimulatorServer.start(
            SimulatorConfig.builder()
                .events(
                    EventStreamConfig.builder()
                        .batchInterval(Duration.ofHours(6))
                        .volume(3_000)
                        .webSecurityRequestsPerUserPerDay(2)
                        .build())
                .build());
    phish = server.tenant().scenario();
    cli = EventsCli.api2(folder, server);
    InProcessCli.Run pull = cli.run("events", "pull", "--types", TYPES);
    assertThat(pull.exitCode()).as(pull.toString()).isZero();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode json(InProcessCli.Run run) throws Exception {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return Json.MAPPER.readTree(run.out());
  }

  @Test
  void senderFindsEveryReceiptOfThePlantedPhish() throws Exception {
    JsonNode rows =
        json(cli.run("hunt", "sender", phish.envelopeSender().address(), "--format", "json"));

    assertThat(rows)
        .filteredOn(r -> r.get("type").asText().equals("receipt"))
        .hasSize(phish.recipients().size());
    assertThat(rows.get(0).get("event").get("messageId").asText())
        .isEqualTo(phish.messageIdHeader());
  }

  @Test
  void domainFindsMailAndTheBlockedWebRequestsToItsSubdomain() throws Exception {
    JsonNode rows = json(cli.run("hunt", "domain", phish.senderDomain(), "--format", "json"));

    assertThat(rows).extracting(r -> r.get("type").asText()).contains("receipt", "web security");
  }

  @Test
  void ipHashAndUserHuntsPrintATable() {
    InProcessCli.Run ip = cli.run("hunt", "ip", phish.sendingIp());
    InProcessCli.Run hash = cli.run("hunt", "hash", phish.attachmentSha256().toUpperCase());
    InProcessCli.Run user = cli.run("hunt", "user", phish.releasedBy(), "--format", "csv");

    assertThat(ip.exitCode()).as(ip.toString()).isZero();
    assertThat(ip.out().lines().findFirst().orElseThrow()).startsWith("time").contains("subject");
    assertThat(ip.out()).contains(phish.subject());
    assertThat(hash.out()).contains("attachment protect");
    assertThat(user.out().lines().findFirst().orElseThrow())
        .isEqualTo("time,type,action,sender,user,ip,domain,subject");
    assertThat(user.out()).contains("audit");
  }

  @Test
  void aLimitShowsTheNewestAndSaysHowManyMatch() {
    InProcessCli.Run run =
        cli.run(
            "hunt",
            "sender",
            phish.envelopeSender().address(),
            "--limit",
            "2",
            "--format",
            "ndjson");

    assertThat(run.out().lines()).hasSize(2);
    assertThat(run.err()).contains("showing the newest 2 of");
  }

  @Test
  void sqlRunsReadOnlyAndStreamsRows() throws Exception {
    JsonNode rows =
        json(
            cli.run(
                "hunt",
                "sql",
                "SELECT log_type, COUNT(*) AS n FROM mci_events GROUP BY log_type ORDER BY log_type",
                "--format",
                "json"));
    InProcessCli.Run delete = cli.run("hunt", "sql", "DELETE FROM mci_events");
    JsonNode after =
        json(cli.run("hunt", "sql", "SELECT COUNT(*) AS n FROM mci_events", "--format", "json"));

    assertThat(rows)
        .extracting(r -> r.get("log_type").asText())
        .contains("audit", "receipt", "web security");
    assertThat(delete.exitCode()).isEqualTo(2);
    assertThat(delete.err()).contains("refused").doesNotContain("\tat ");
    long total = 0;
    for (JsonNode row : rows) {
      total += row.get("n").asLong();
    }
    assertThat(after.get(0).get("n").asLong()).isEqualTo(total);
  }

  @Test
  void huntsWorkTheSameOnAPostgresStore() throws Exception {
    try (TestPostgres postgres = new TestPostgres()) {
      InProcessCli.Run pull =
          cli.run("events", "pull", "--types", "receipt", "--store", postgres.store());
      assertThat(pull.exitCode()).as(pull.toString()).isZero();

      JsonNode rows =
          json(
              cli.run(
                  "hunt",
                  "ip",
                  phish.sendingIp(),
                  "--store",
                  postgres.store(),
                  "--format",
                  "json"));
      InProcessCli.Run delete =
          cli.run("hunt", "sql", "DELETE FROM mci_events", "--store", postgres.store());

      assertThat(rows).hasSize(phish.recipients().size());
      assertThat(delete.exitCode()).isEqualTo(2);
    }
  }

  @Test
  void indicatorsThatCannotMatchAreOneLineErrors() {
    for (List<String> args :
        List.of(
            List.of("hunt", "sender", "not-an-address"),
            List.of("hunt", "user", "bob"),
            List.of("hunt", "domain", "no spaces.example"),
            List.of("hunt", "ip", "300.1.2.3"),
            List.of("hunt", "hash", "d41d8cd98f00b204e9800998ecf8427e"),
            List.of("hunt", "hash", "abc"),
            List.of("hunt", "sender", "a@b.example", "--limit", "-1"),
            List.of("hunt", "sql", " "))) {
      InProcessCli.Run run = cli.run(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).startsWith("mci: ").doesNotContain("\tat ");
    }
    assertThat(cli.run("hunt", "hash", "d41d8cd98f00b204e9800998ecf8427e").err()).contains("MD5");
    InProcessCli.Run missing =
        EventsCli.offline(folder.resolve("elsewhere")).run("hunt", "ip", "192.0.2.1");
    assertThat(missing.exitCode()).isEqualTo(4);
    assertThat(missing.err()).contains("events pull");
  }
}
