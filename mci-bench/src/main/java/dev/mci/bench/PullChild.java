package dev.mci.bench;

import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.events.EventType;
import dev.mci.store.EventStore;
import dev.mci.store.StoreLocation;
import dev.mci.store.pull.EventPuller;
import dev.mci.store.pull.PullListener;
import dev.mci.store.pull.PullOptions;
import dev.mci.store.pull.PullProgress;
import dev.mci.store.pull.PullReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An event pull in its own JVM, started by the harnesses that kill it or measure its heap:
 *
 * <pre>
 * PullChild BASE_URL STORE DATA_FOLDER SINCE|- TYPE,TYPE...
 * </pre>
 *
 * with {@code MIMECAST_CLIENT_ID}/{@code MIMECAST_CLIENT_SECRET} in the environment. Prints {@code
 * progress STORED} after every committed file and, at the end, {@code done STORED DUPLICATES
 * SECONDS PEAK_HEAP_BYTES} (heap sampled every 20 ms). Exits 0 when every stream caught up.
 */
public final class PullChild {

  private PullChild() {}

  public static void main(String[] args) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (true) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();

    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (String name : args[4].split(",")) {
      types.add(EventType.parse(name).orElseThrow(() -> new IllegalArgumentException(name)));
    }
    PullOptions options =
        PullOptions.builder(Path.of(args[2]))
            .since(args[3].equals("-") ? null : Instant.parse(args[3]))
            .types(types)
            .audit(false)
            .pageSize(100)
            .build();
    long start = System.nanoTime();
    try (MimecastClient client =
            MimecastClient.builder()
                .baseUrl(args[0])
                .credentials(
                    new OAuth2Credentials(
                        System.getenv("MIMECAST_CLIENT_ID"),
                        System.getenv("MIMECAST_CLIENT_SECRET")))
                .build();
        EventStore store = EventStore.open(StoreLocation.parse(args[1]))) {
      PullReport report =
          new EventPuller(
                  client,
                  store,
                  options,
                  new PullListener() {
                    @Override
                    public void progress(PullProgress progress) {
                      System.out.println("progress " + progress.stored());
                    }

                    @Override
                    public void warning(String stream, String message) {
                      System.out.println("warning " + stream + ": " + message);
                    }
                  })
              .run();
      double seconds = (System.nanoTime() - start) / 1e9;
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      System.out.printf(
          "done %d %d %.3f %d%n", report.stored(), report.duplicates(), seconds, peak.get());
      System.out.flush();
      System.exit(report.complete() ? 0 : 3);
    }
  }
}
