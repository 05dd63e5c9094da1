package dev.mci.bench;

import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.messages.MessageSearch;
import dev.mci.client.messages.TrackedEmail;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.TenantSize;
import dev.mci.simulator.tenant.Domain;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Pulls Message Finder rows through the client's auto-pager (window splitting past the 500-row cap)
 * from an in-process LARGE simulator tenant, and reports rows/s, client CPU time and peak heap. Run
 * by hand, see BENCHMARKS.md:
 *
 * <pre>
 * java -Xmx64m -cp "mci-bench/target/classes:$(cat mci-bench/target/classpath.txt)" \
 *     dev.mci.bench.MessageFinderPullBench 200000
 * </pre>
 */
public final class MessageFinderPullBench {
  private MessageFinderPullBench() {}

  public static void main(String[] args) {
    long wanted = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
    SimulatorConfig config =
        SimulatorConfig.builder()
            .size(TenantSize.LARGE)
            // The harness measures the client, not the quota: a bucket it never empties.
            .rateLimit(RateLimit.of(1_000_000, Duration.ofMinutes(1)))
            .build();
    try (SimulatorServer server = SimulatorServer.start(config);
        MimecastClient client =
            MimecastClient.builder()
                .baseUrl(server.baseUrl())
                .credentials(
                    new OAuth2Credentials(
                        server.credentials().clientId(), server.credentials().clientSecret()))
                .build()) {
      Instant now = Instant.now();
      long rows = 0;
      BenchSupport.resetPeakHeap();
      Map<Long, Long> clientBefore = BenchSupport.threadCpu(false);
      Map<Long, Long> serverBefore = BenchSupport.threadCpu(true);
      long start = System.nanoTime();
      // Every internal domain in turn: each query is "all mail to this domain in the last 29 days".
      for (Domain domain : server.tenant().internalDomains()) {
        MessageSearch query =
            MessageSearch.builder()
                .to(domain.name())
                .start(now.minus(Duration.ofDays(29)))
                .end(now)
                .build();
        Iterator<TrackedEmail> pager = client.messages().searchAll(query).iterator();
        while (rows < wanted && pager.hasNext()) {
          pager.next();
          rows++;
        }
        if (rows >= wanted) {
          break;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long clientCpu = BenchSupport.cpuBetween(clientBefore, BenchSupport.threadCpu(false));
      long serverCpu = BenchSupport.cpuBetween(serverBefore, BenchSupport.threadCpu(true));
      long peak = BenchSupport.peakHeapBytes();
      System.out.printf(
          "rows=%d seconds=%.2f rows/s=%.0f clientCpu=%.2fs (%.3f ms per 1000 rows) simulatorCpu=%.2fs"
              + " peakHeap=%s maxHeap=%s%n",
          rows,
          seconds,
          rows / seconds,
          clientCpu / 1e9,
          clientCpu / 1e6 / (rows / 1000.0),
          serverCpu / 1e9,
          BenchSupport.mib(peak),
          BenchSupport.mib(Runtime.getRuntime().maxMemory()));
      if (rows < wanted) {
        System.out.println("note: the tenant held fewer rows than asked for");
      }
    }
  }
}
