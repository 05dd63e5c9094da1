package dev.mci.bench;

import dev.mci.client.events.EventType;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.store.EventStore;
import dev.mci.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Peak heap of a large pull: an in-process simulator serves N events (default 10,000,000) and a
 * separate JVM limited to {@code -Xmx128m} pulls them all into a store through {@code EventPuller};
 * the child samples its used heap every 20 ms. The store is kept for {@link HuntBench}.
 *
 * <pre>
 * java -cp "mci-bench/target/classes:$(cat mci-bench/target/classpath.txt)" \
 *     dev.mci.bench.EventPullBench 10000000 /tmp/mci-bench/events-10m.db [HEAP]
 * </pre>
 */
public final class EventPullBench {

  private EventPullBench() {}

  public static void main(String[] args) throws Exception {
    long volume = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000;
    StoreLocation location =
        StoreLocation.parse(args.length > 1 ? args[1] : "/tmp/mci-bench/events-10m.db");
    String heap = args.length > 2 ? args[2] : "128m";
    Path data = Files.createTempDirectory("mci-pull-bench-");
    Instant now = EventBenchSupport.now();
    EventStreamConfig events = EventStreamConfig.builder().volume(volume).build();
    Set<EventType> types = EventBenchSupport.types();
    try (SimulatorServer server = EventBenchSupport.simulator(now, events)) {
      long expected = EventBenchSupport.expected(server, events, now, types);
      System.out.printf(
          "events in the simulated stream: %,d; child heap limit -Xmx%s%n", expected, heap);
      long start = System.nanoTime();
      Process child = EventBenchSupport.child(heap, server, location, data, types);
      EventBenchSupport.ChildOutput output = EventBenchSupport.ChildOutput.of(child);
      while (!child.waitFor(30, TimeUnit.SECONDS)) {
        System.out.printf(
            "  %,d stored after %.0f s%n", output.stored.get(), (System.nanoTime() - start) / 1e9);
      }
      double wall = (System.nanoTime() - start) / 1e9;
      Thread.sleep(200);
      String done = output.done.get();
      System.out.printf("child exit %d; %s%n", child.exitValue(), done);
      output.warnings.forEach(System.out::println);
      if (done != null) {
        String[] parts = done.split(" ");
        long stored = Long.parseLong(parts[1]);
        double seconds = Double.parseDouble(parts[3]);
        long peak = Long.parseLong(parts[4]);
        System.out.printf(
            "pulled %,d events (expected %,d) in %.1f s (%.1f s wall with JVM start) = %,.0f events/s;"
                + " peak heap used %s (limit %s)%n",
            stored, expected, seconds, wall, stored / seconds, EventBenchSupport.mib(peak), heap);
      }
      try (EventStore store = EventStore.open(location)) {
        System.out.printf("store now holds %,d events: %s%n", store.count(), location);
      }
      location
          .file()
          .ifPresent(
              file -> {
                try {
                  System.out.printf("store file %s%n", EventBenchSupport.mib(Files.size(file)));
                } catch (java.io.IOException ignored) {
                  // Size is informative only.
                }
              });
    }
  }
}
