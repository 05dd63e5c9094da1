package dev.mci.bench;

import dev.mci.client.events.EventType;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.simulator.events.SiemLog;
import dev.mci.simulator.events.SiemType;
import dev.mci.store.StoreLocation;
import dev.mci.store.pull.PullOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** What the event harnesses share: the simulator they pull from, child JVMs, PostgreSQL schemas. */
final class EventBenchSupport {

  /** The machine's PostgreSQL (trust auth), as the tests use it. */
  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private EventBenchSupport() {}

  /**
   * A simulator whose clock stands still at {@code now}, so the set of published batches does not
   * change during a run, with a quota the harness never exhausts.
   */
  static SimulatorServer simulator(Instant now, EventStreamConfig events) {
    return SimulatorServer.start(
        SimulatorConfig.builder()
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .rateLimit(RateLimit.of(100_000_000, Duration.ofMinutes(1)))
            .events(events)
            .build());
  }

  /** Now, to the minute. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MINUTES);
  }

  /** Events of {@code types} in the retention period: what a complete pull stores. */
  static long expected(
      SimulatorServer server, EventStreamConfig events, Instant now, Set<EventType> types) {
    SiemLog log = new SiemLog(server.tenant(), events);
    long from = log.retentionStart(now);
    long to = log.firstUnpublished(now);
    long total = 0;
    for (EventType type : types) {
      total += log.countUnique(SiemType.fromWire(type.wire()).orElseThrow(), from, to);
    }
    return total;
  }

  /** Every verified Cloud Gateway type. */
  static Set<EventType> types() {
    return PullOptions.defaultTypes();
  }

  /** A {@link PullChild} JVM with this heap limit. */
  static Process child(
      String heap, SimulatorServer server, StoreLocation store, Path data, Set<EventType> types)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PullChild.class.getName());
    command.add(server.baseUrl().toString());
    command.add(store.jdbcUrl());
    command.add(data.toString());
    command.add("-");
    command.add(types.stream().map(EventType::cliName).collect(Collectors.joining(",")));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("MIMECAST_CLIENT_ID", server.credentials().clientId());
    builder.environment().put("MIMECAST_CLIENT_SECRET", server.credentials().clientSecret());
    builder.redirectErrorStream(true);
    return builder.start();
  }

  /** The child's output, read on a thread: the last stored count and the final line. */
  static final class ChildOutput {
    final AtomicLong stored = new AtomicLong(-1);
    final AtomicReference<String> done = new AtomicReference<>();
    final List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());

    static ChildOutput of(Process child) {
      ChildOutput output = new ChildOutput();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = lines.readLine()) != null) {
                    if (line.startsWith("progress ")) {
                      output.stored.set(Long.parseLong(line.substring(9).strip()));
                    } else if (line.startsWith("done ")) {
                      output.done.set(line);
                    } else if (line.startsWith("warning ")) {
                      output.warnings.add(line);
                    }
                  }
                } catch (IOException | NumberFormatException ended) {
                  // Killed: the output just stops.
                }
              },
              "child-output");
      reader.setDaemon(true);
      reader.start();
      return output;
    }
  }

  /** A fresh PostgreSQL schema as a store location. */
  static StoreLocation postgresSchema(String base) {
    String schema = "mci_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(base, "CREATE SCHEMA " + schema);
    return new StoreLocation(
        StoreLocation.Engine.POSTGRESQL,
        base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }

  /** Drops a schema made by {@link #postgresSchema}. */
  static void dropSchema(String base, StoreLocation location) {
    String url = location.jdbcUrl();
    execute(
        base,
        "DROP SCHEMA IF EXISTS " + url.substring(url.indexOf("currentSchema=") + 14) + " CASCADE");
  }

  private static void execute(String base, String sql) {
    try (Connection connection = DriverManager.getConnection(base);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + base + ": " + e.getMessage(), e);
    }
  }

  static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
