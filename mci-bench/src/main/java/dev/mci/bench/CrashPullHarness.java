package dev.mci.bench;

import dev.mci.client.events.EventType;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.store.EventStore;
import dev.mci.store.SqlResult;
import dev.mci.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The crash test of issue 6 at full size: an in-process simulator serves N events (default
 * 1,000,000); a separate JVM pulls them and is killed with SIGKILL ({@code kill -9}) at a random
 * moment, K times (default 20); then one pull runs to the end. The store must hold every event
 * exactly once: the harness checks the count against the simulator and that no (time, fingerprint)
 * identity appears twice, and exits 1 if not.
 *
 * <pre>
 * java -cp "mci-bench/target/classes:$(cat mci-bench/target/classpath.txt)" \
 *     dev.mci.bench.CrashPullHarness 1000000 20 [STORE] [SEED]
 * </pre>
 *
 * STORE is a SQLite file path (default: a new temporary file) or a jdbc:postgresql:// URL.
 */
public final class CrashPullHarness {

  private CrashPullHarness() {}

  public static void main(String[] args) throws Exception {
    long volume = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    int kills = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path data = Files.createTempDirectory("mci-crash-");
    StoreLocation location =
        args.length > 2
            ? StoreLocation.parse(args[2])
            : StoreLocation.sqlite(data.resolve("crash.db"));
    long seed = args.length > 3 ? Long.parseLong(args[3]) : System.nanoTime();
    Random random = new Random(seed);
    Instant now = EventBenchSupport.now();
    EventStreamConfig events = EventStreamConfig.builder().volume(volume).build();
    Set<EventType> types = EventBenchSupport.types();
    try (SimulatorServer server = EventBenchSupport.simulator(now, events)) {
      long expected = EventBenchSupport.expected(server, events, now, types);
      System.out.printf(
          "events in the simulated stream: %,d; store %s; %d kills; seed %d%n",
          expected, location, kills, seed);
      long start = System.nanoTime();
      List<String> killLog = new ArrayList<>();
      int killed = 0;
      int runs = 0;
      int failedRuns = 0;
      while (true) {
        runs++;
        Process child = EventBenchSupport.child("128m", server, location, data, types);
        EventBenchSupport.ChildOutput output = EventBenchSupport.ChildOutput.of(child);
        if (killed < kills) {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
          while (output.stored.get() < 0 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          // Random moment after the first commit: short enough that the kills land before the
          // store is full (a 1,000,000-event pull takes about 40 s on two cores).
          Thread.sleep(random.nextInt(2_000));
          if (child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
            killed++;
            long stored;
            try (EventStore store = EventStore.open(location)) {
              stored = store.count();
            }
            killLog.add(String.format("kill %2d: store holds %,d events", killed, stored));
            System.out.println(killLog.get(killLog.size() - 1));
            continue;
          }
        }
        child.waitFor();
        Thread.sleep(200);
        System.out.printf(
            "final run %d exited %d: %s%n", runs, child.exitValue(), output.done.get());
        if (child.exitValue() == 0) {
          break;
        }
        if (++failedRuns == 5) {
          System.out.println("FAIL: five runs in a row ended in an error; see their output above");
          System.exit(1);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long count;
      long duplicated;
      try (EventStore store = EventStore.openReadOnly(location)) {
        count = store.count();
        try (SqlResult result =
            store.sql(
                "SELECT COUNT(*) FROM (SELECT fingerprint FROM mci_events GROUP BY event_time,"
                    + " fingerprint HAVING COUNT(*) > 1) d",
                1)) {
          duplicated = (Long) result.iterator().next().get(0);
        }
      }
      boolean ok = count == expected && duplicated == 0;
      System.out.printf(
          "%s: %d kills, %d runs, %.1f s; store holds %,d events, expected %,d, %d duplicated"
              + " identities%n",
          ok ? "PASS" : "FAIL", killed, runs, seconds, count, expected, duplicated);
      System.exit(ok ? 0 : 1);
    }
  }
}
