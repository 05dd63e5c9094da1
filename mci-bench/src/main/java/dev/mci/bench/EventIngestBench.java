package dev.mci.bench;

import dev.mci.client.Download;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.events.BatchFile;
import dev.mci.client.events.BatchPage;
import dev.mci.client.events.EventType;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.store.EventStore;
import dev.mci.store.StoreLocation;
import dev.mci.store.pull.BatchFileLoader;
import dev.mci.store.pull.EventPuller;
import dev.mci.store.pull.PullListener;
import dev.mci.store.pull.PullOptions;
import dev.mci.store.pull.PullReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Ingest rate into the store, on SQLite and on PostgreSQL, measured two ways:
 *
 * <ol>
 *   <li><b>store ingest</b>: the batch files of N events are downloaded first (not timed); then the
 *       puller's ingest step is timed alone: parse each gzip NDJSON file, derive the hunt columns
 *       and the fingerprint, insert in JDBC batches, commit per file with its checkpoint;
 *   <li><b>pull</b>: the whole {@link EventPuller} against an in-process simulator (listing,
 *       download, spool, ingest), the simulator generating the files on the same two cores.
 * </ol>
 *
 * <pre>
 * java -cp "mci-bench/target/classes:$(cat mci-bench/target/classpath.txt)" \
 *     dev.mci.bench.EventIngestBench 1000000 [WORK_FOLDER] [POSTGRES_JDBC_URL]
 * </pre>
 *
 * <p>{@code -Dmci.bench.engines=sqlite} (or {@code postgresql}) measures one engine only; {@code
 * -Dmci.bench.pull=false} skips the pull half; {@code -Dmci.bench.reuseFiles=true} ingests the
 * batch files an earlier run left in {@code WORK_FOLDER/files} instead of downloading them again.
 */
public final class EventIngestBench {

  private EventIngestBench() {}

  public static void main(String[] args) throws Exception {
    long volume = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("mci-ingest-bench-");
    String postgres = args.length > 2 ? args[2] : EventBenchSupport.POSTGRES;
    Files.createDirectories(work);
    Instant now = EventBenchSupport.now();
    EventStreamConfig events = EventStreamConfig.builder().volume(volume).build();
    Set<EventType> types = EventBenchSupport.types();
    try (SimulatorServer server = EventBenchSupport.simulator(now, events);
        MimecastClient client =
            MimecastClient.builder()
                .baseUrl(server.baseUrl())
                .credentials(
                    new OAuth2Credentials(
                        server.credentials().clientId(), server.credentials().clientSecret()))
                .build()) {
      long expected = EventBenchSupport.expected(server, events, now, types);
      System.out.printf("events in the simulated stream: %,d%n", expected);

      List<Path> files = download(client, types, work.resolve("files"));
      long bytes = 0;
      for (Path file : files) {
        bytes += Files.size(file);
      }
      System.out.printf(
          "downloaded %d batch files, %s gzip%n", files.size(), EventBenchSupport.mib(bytes));

      String engines = System.getProperty("mci.bench.engines", "sqlite,postgresql");
      boolean onSqlite = engines.contains("sqlite");
      boolean onPostgres = engines.contains("postgresql");
      if (onSqlite) {
        Path file = work.resolve("ingest-" + System.nanoTime() + ".db");
        try {
          ingest("SQLite", StoreLocation.sqlite(file), files, expected);
        } finally {
          deleteStore(file);
        }
      }
      if (onPostgres) {
        StoreLocation pg = EventBenchSupport.postgresSchema(postgres);
        try {
          ingest("PostgreSQL", pg, files, expected);
        } finally {
          EventBenchSupport.dropSchema(postgres, pg);
        }
      }
      if (!Boolean.parseBoolean(System.getProperty("mci.bench.pull", "true"))) {
        return;
      }

      if (onSqlite) {
        Path file = work.resolve("pull-" + System.nanoTime() + ".db");
        try {
          pull("SQLite", client, StoreLocation.sqlite(file), work, types, expected);
        } finally {
          deleteStore(file);
        }
      }
      if (onPostgres) {
        StoreLocation pgPull = EventBenchSupport.postgresSchema(postgres);
        try {
          pull("PostgreSQL", client, pgPull, work, types, expected);
        } finally {
          EventBenchSupport.dropSchema(postgres, pgPull);
        }
      }
    }
  }

  private static List<Path> download(MimecastClient client, Set<EventType> types, Path folder)
      throws Exception {
    Files.createDirectories(folder);
    List<Path> files = new ArrayList<>();
    if (Boolean.getBoolean("mci.bench.reuseFiles")) {
      try (var listed = Files.list(folder)) {
        listed
            .filter(file -> file.toString().endsWith(".json.gz"))
            .sorted(Comparator.comparingInt(EventIngestBench::downloadOrder))
            .forEach(files::add);
      }
      if (!files.isEmpty()) {
        return files;
      }
    }
    for (EventType type : types) {
      BatchPage page = client.events().batch(type, null, null, 100);
      while (true) {
        for (BatchFile file : page.files()) {
          Path target = folder.resolve(type.cliName() + "-" + files.size() + ".json.gz");
          try (Download download = client.events().openBatchFile(file)) {
            Files.copy(download.body(), target, StandardCopyOption.REPLACE_EXISTING);
          }
          files.add(target);
        }
        if (page.caughtUp() || page.files().isEmpty()) {
          break;
        }
        page = client.events().batch(null, null, page.nextPage().orElseThrow(), 100);
      }
    }
    return files;
  }

  /** Removes a SQLite store and its log (about 1.2 GiB per million events) after its run. */
  private static void deleteStore(Path file) throws IOException {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
  }

  /** The position a file had in the download: the number its name ends with. */
  private static int downloadOrder(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1, name.indexOf(".json.gz")));
  }

  private static void ingest(String engine, StoreLocation location, List<Path> files, long expected)
      throws Exception {
    long start = System.nanoTime();
    long processCpu = processCpuNanos();
    long threadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long stored = 0;
    try (EventStore store = EventStore.open(location);
        BatchFileLoader loader = new BatchFileLoader()) {
      // As the puller does: files gathered into transactions of about 20,000 events, one thread
      // parsing while the other inserts, the parsing thread reading the next file ahead.
      EventStore.Ingest ingest = store.ingest();
      int n = 0;
      try {
        for (int i = 0; i < files.size(); i++) {
          Path file = files.get(i);
          Path next = i + 1 < files.size() ? files.get(i + 1) : null;
          loader.load(ingest, file, file.getFileName().toString(), row -> true, next);
          n++;
          if (ingest.added() >= 20_000) {
            stored += ingest.commit("bench", Integer.toString(n));
            ingest.close();
            ingest = store.ingest();
          }
        }
        stored += ingest.commit("bench", Integer.toString(n));
      } finally {
        ingest.close();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double insertCpu =
        (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpu) / 1e9;
    double allCpu = (processCpuNanos() - processCpu) / 1e9;
    System.out.printf(
        "store ingest  %-10s %,d events (expected %,d) in %.1f s = %,.0f events/s"
            + " (CPU: inserting thread %.1f s, whole JVM %.1f s)%n",
        engine, stored, expected, seconds, stored / seconds, insertCpu, allCpu);
  }

  /** CPU time of this JVM, every thread (the machine is shared: wall time alone misleads). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void pull(
      String engine,
      MimecastClient client,
      StoreLocation location,
      Path work,
      Set<EventType> types,
      long expected) {
    long start = System.nanoTime();
    PullReport report;
    try (EventStore store = EventStore.open(location)) {
      report =
          new EventPuller(
                  client,
                  store,
                  PullOptions.builder(work.resolve("pull-data"))
                      .types(EnumSet.copyOf(types))
                      .audit(false)
                      .build(),
                  PullListener.none())
              .run();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "pull          %-10s %,d events (expected %,d) in %.1f s = %,.0f events/s%n",
        engine, report.stored(), expected, seconds, report.stored() / seconds);
  }
}
