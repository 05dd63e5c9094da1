package dev.mci.store.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.client.events.EventType;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.simulator.events.SiemLog;
import dev.mci.simulator.events.SiemType;
import dev.mci.store.EventStore;
import dev.mci.store.StoreLocation;
import dev.mci.store.testing.PullProcess;
import dev.mci.store.testing.TestStores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crash test of issue 6 at suite size: a pull runs in a separate JVM that is killed with
 * SIGKILL ({@code kill -9}) at random moments, again and again, then allowed to finish; the store
 * must then hold every event of the simulated stream exactly once. The full 1,000,000-event version
 * is {@code dev.mci.bench.CrashPullHarness} in mci-bench.
 */
class CrashRecoveryTest {

  private static final Set<EventType> TYPES =
      EnumSet.of(EventType.RECEIPT, EventType.PROCESS, EventType.DELIVERY);
  private static final int KILLS = 8;
  private static final long VOLUME = 60_000;

  @TempDir Path folder;

  static StoreLocation.Engine[] engines() {
    return TestStores.engines();
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aPullKilledAtRandomMomentsStoresEveryEventExactlyOnce(StoreLocation.Engine engine)
      throws Exception {
    // The simulator's clock stands still so the set of published batches cannot change under the
    // test; the child's own clock runs, a few minutes at most apart.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    EventStreamConfig events =
        EventStreamConfig.builder().volume(VOLUME).maxEventsPerFile(1_000).build();
    StoreLocation location = TestStores.create(engine, folder);
    try (SimulatorServer server =
        SimulatorServer.start(
            SimulatorConfig.builder()
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .rateLimit(RateLimit.of(1_000_000, Duration.ofMinutes(1)))
                .events(events)
                .build())) {
      Instant since =
          LocalDate.ofInstant(now.minus(Duration.ofDays(6)), ZoneOffset.UTC)
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant();
      SiemLog log = new SiemLog(server.tenant(), events);
      long expected = 0;
      for (EventType type : TYPES) {
        expected +=
            log.countUnique(
                SiemType.fromWire(type.wire()).orElseThrow(),
                log.windowOf(since.toEpochMilli()),
                log.firstUnpublished(now));
      }

      Random random = new Random(engine.ordinal() * 31L + now.getEpochSecond());
      List<Long> storedAtKill = new ArrayList<>();
      int kills = 0;
      int exitCode = -1;
      while (exitCode != 0) {
        Process child = start(server, location, since);
        AtomicLong lastProgress = drain(child);
        boolean killNow = kills < KILLS;
        if (killNow) {
          // Kill part-way, at a point set by the events still to store (1-8 % of them, so the eight
          // kills leave work for the next run however fast the machine pulls: at most about 80 %
          // of the events are stored by then), then a random moment later, inside whatever the
          // child is doing.
          long before = storedAtKill.isEmpty() ? 0 : storedAtKill.get(storedAtKill.size() - 1);
          long target =
              Math.max(1, (long) ((expected - before) * (0.01 + random.nextDouble() * 0.07)));
          long waitUntilProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (lastProgress.get() < target
              && child.isAlive()
              && System.nanoTime() < waitUntilProgress) {
            Thread.sleep(5);
          }
          Thread.sleep(random.nextInt(50));
        }
        if (killNow && child.isAlive()) {
          child.destroyForcibly();
          child.waitFor(30, TimeUnit.SECONDS);
          kills++;
          try (EventStore store = EventStore.open(location)) {
            storedAtKill.add(store.count());
          }
          continue;
        }
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("the last pull finishes").isTrue();
        exitCode = child.exitValue();
        assertThat(exitCode).as("the finishing pull reports every stream caught up").isIn(0, 3);
        if (exitCode == 3) {
          throw new AssertionError("a stream stopped early in the finishing pull");
        }
      }

      assertThat(kills).isEqualTo(KILLS);
      long total = expected;
      assertThat(storedAtKill)
          .as("kills landed part-way through the pull")
          .anyMatch(n -> n > 0 && n < total);
      assertThat(storedAtKill).isSorted();
      try (EventStore store = EventStore.open(location)) {
        assertThat(store.count()).isEqualTo(expected);
        assertThat(duplicateIdentities(location)).isZero();
      }
    } finally {
      TestStores.drop(location);
    }
  }

  private Process start(SimulatorServer server, StoreLocation location, Instant since)
      throws IOException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx128m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            classpath,
            PullProcess.class.getName(),
            server.baseUrl().toString(),
            location.jdbcUrl(),
            folder.toString(),
            since.toString(),
            String.join(",", TYPES.stream().map(EventType::cliName).toList()));
    builder.environment().put("MIMECAST_CLIENT_ID", server.credentials().clientId());
    builder.environment().put("MIMECAST_CLIENT_SECRET", server.credentials().clientSecret());
    builder.redirectErrorStream(true);
    return builder.start();
  }

  /** Reads the child's output on a thread; the value is the last stored count seen (-1: none). */
  private static AtomicLong drain(Process child) {
    AtomicLong last = new AtomicLong(-1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.startsWith("progress ")) {
                    last.set(Long.parseLong(line.substring(9).strip()));
                  }
                }
              } catch (IOException | NumberFormatException ended) {
                // The child was killed; its output simply stops.
              }
            },
            "pull-output");
    reader.setDaemon(true);
    reader.start();
    return last;
  }

  private static long duplicateIdentities(StoreLocation location) throws Exception {
    try (Connection connection = DriverManager.getConnection(location.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT COUNT(*) FROM (SELECT fingerprint FROM mci_events"
                    + " GROUP BY event_time, fingerprint HAVING COUNT(*) > 1) d")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
