package dev.mci.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.Main;
import dev.mci.cli.events.EventsCli;
import dev.mci.cli.events.TestPostgres;
import dev.mci.cli.support.Json;
import dev.mci.cli.testing.InProcessCli;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.events.EventStreamConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hunts run in this process while {@code mci events pull --follow} writes from another JVM: WAL
 * mode (SQLite) and MVCC (PostgreSQL) let them read a consistent store that keeps growing, and
 * neither side waits on the other. The simulator cuts a batch every two seconds so the follower has
 * new events to fetch on every poll.
 */
class HuntWhileFollowingTest {

  @TempDir Path folder;

  @Test
  void huntsReadTheSqliteStoreWhileAFollowerWritesIt() throws Exception {
    huntWhileFollowing(null);
  }

  @Test
  void huntsReadThePostgresStoreWhileAFollowerWritesIt() throws Exception {
    try (TestPostgres postgres = new TestPostgres()) {
      huntWhileFollowing(postgres.store());
    }
  }

  private void huntWhileFollowing(String store) throws Exception {
    // ~30 rejected connections per two-second batch (volume is per 7 days).
    EventStreamConfig events =
        EventStreamConfig.builder()
            .batchInterval(Duration.ofSeconds(2))
            .volume(9_000_000)
            .webSecurityRequestsPerUserPerDay(0)
            .build();
    try (SimulatorServer server =
        SimulatorServer.start(SimulatorConfig.builder().events(events).build())) {
      EventsCli cli = EventsCli.api2(folder, server);
      List<String> storeArgs = store == null ? List.of() : List.of("--store", store);
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx128m",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty(
                      "surefire.test.class.path", System.getProperty("java.class.path")),
                  Main.class.getName(),
                  "events",
                  "pull",
                  "--via",
                  "stream",
                  "--since",
                  "1m",
                  "--types",
                  "receipt",
                  "--follow",
                  "--poll",
                  "500ms"));
      command.addAll(storeArgs);
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(cli.environment());
      Path log = folder.resolve("follower.log");
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      Process follower = builder.start();
      try {
        List<Long> counts = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && distinctGrowth(counts) < 3) {
          List<String> sql =
              new ArrayList<>(
                  List.of(
                      "hunt",
                      "sql",
                      "SELECT COUNT(*) AS n, MAX(ip) AS ip FROM mci_events",
                      "--format",
                      "json"));
          sql.addAll(storeArgs);
          InProcessCli.Run run = cli.run(sql.toArray(String[]::new));
          if (run.exitCode() == 4 && run.err().contains("no store")) {
            Thread.sleep(200);
            continue;
          }
          assertThat(run.exitCode()).as(run + "\n--- follower\n" + read(log)).isZero();
          JsonNode row = Json.MAPPER.readTree(run.out()).get(0);
          counts.add(row.get("n").asLong());
          if (row.hasNonNull("ip")) {
            List<String> ip =
                new ArrayList<>(
                    List.of("hunt", "ip", row.get("ip").asText(), "--format", "ndjson"));
            ip.addAll(storeArgs);
            InProcessCli.Run hunt = cli.run(ip.toArray(String[]::new));
            assertThat(hunt.exitCode()).as(hunt.toString()).isZero();
            assertThat(hunt.out().lines()).isNotEmpty();
          }
          Thread.sleep(300);
        }
        assertThat(follower.isAlive()).as(read(log)).isTrue();
        assertThat(distinctGrowth(counts))
            .as("store sizes seen: " + counts + "\n" + read(log))
            .isGreaterThanOrEqualTo(3);
        assertThat(counts).isSorted();
      } finally {
        // SIGTERM, as Ctrl-C: the follower stops between transactions and exits.
        follower.destroy();
        assertThat(follower.waitFor(20, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(read(log)).contains("events stored");
    }
  }

  private static long distinctGrowth(List<Long> counts) {
    return counts.stream().filter(n -> n > 0).distinct().count();
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
