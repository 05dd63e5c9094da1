package dev.mci.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.logs.UrlClick;
import dev.mci.client.logs.UrlLogQuery;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Pulls URL Protect log rows from an in-process simulator through {@code LogsApi.urlLogs} (pages of
 * 500) and streams each row as one NDJSON line to a file, then reports rows/s, the CPU time of the
 * client's threads (everything except the simulator's {@code mci-sim-*} threads) per 1,000 rows,
 * and the peak heap. The simulator's URL log carries the requested number of synthetic background
 * clicks on top of the tenant's real ones, generated page by page. Run by hand, see BENCHMARKS.md:
 *
 * <pre>
 * java -Xmx64m -cp "mci-bench/target/classes:$(cat mci-bench/target/classpath.txt)" \
 *     dev.mci.bench.UrlLogPullBench 1000000 [out.ndjson]
 * </pre>
 */
public final class UrlLogPullBench {
  private UrlLogPullBench() {}

  public static void main(String[] args) throws IOException {
    long volume = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Path out =
        args.length > 1 ? Path.of(args[1]) : Files.createTempFile("mci-url-logs-", ".ndjson");
    SimulatorConfig config =
        SimulatorConfig.builder()
            // The harness measures the client, not the quota: a bucket it never empties.
            .rateLimit(RateLimit.of(1_000_000, Duration.ofMinutes(1)))
            .urlLogBackground(volume)
            .build();
    // Instants as ISO-8601 text, as `mci logs urls --format ndjson` writes them.
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(
                new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    try (SimulatorServer server = SimulatorServer.start(config);
        MimecastClient client =
            MimecastClient.builder()
                .baseUrl(server.baseUrl())
                .credentials(
                    new OAuth2Credentials(
                        server.credentials().clientId(), server.credentials().clientSecret()))
                .build();
        Writer writer =
            new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      UrlLogQuery query =
          UrlLogQuery.builder()
              .from(server.tenant().messagesFrom())
              .to(server.tenant().now())
              .pageSize(500)
              .build();
      long rows = 0;
      BenchSupport.resetPeakHeap();
      Map<Long, Long> clientBefore = BenchSupport.threadCpu(false);
      Map<Long, Long> serverBefore = BenchSupport.threadCpu(true);
      long start = System.nanoTime();
      for (UrlClick click : client.logs().urlLogs(query)) {
        writer.write(json.writeValueAsString(click));
        writer.write('\n');
        rows++;
      }
      writer.flush();
      double seconds = (System.nanoTime() - start) / 1e9;
      long clientCpu = BenchSupport.cpuBetween(clientBefore, BenchSupport.threadCpu(false));
      long serverCpu = BenchSupport.cpuBetween(serverBefore, BenchSupport.threadCpu(true));
      long peak = BenchSupport.peakHeapBytes();
      System.out.printf(
          "rows=%d seconds=%.2f rows/s=%.0f clientCpu=%.2fs (%.3f ms per 1000 rows)"
              + " simulatorCpu=%.2fs peakHeap=%s maxHeap=%s ndjson=%s (%s)%n",
          rows,
          seconds,
          rows / seconds,
          clientCpu / 1e9,
          clientCpu / 1e6 / (rows / 1000.0),
          serverCpu / 1e9,
          BenchSupport.mib(peak),
          BenchSupport.mib(Runtime.getRuntime().maxMemory()),
          BenchSupport.mib(Files.size(out)),
          out);
    } finally {
      if (args.length < 2) {
        Files.deleteIfExists(out);
      }
    }
  }
}
