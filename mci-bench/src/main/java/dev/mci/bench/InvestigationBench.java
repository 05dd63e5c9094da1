package dev.mci.bench;

import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.investigate.Investigation;
import dev.mci.investigate.InvestigationOptions;
import dev.mci.investigate.cases.Case;
import dev.mci.simulator.FaultProfile;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo investigation with the simulator adding a fixed latency to every call, run three ways in
 * one process: one call at a time (maxConcurrency 1), the default bound, and an unbounded run whose
 * wall time approximates the longest dependent chain of calls. Run by hand, see BENCHMARKS.md:
 *
 * <pre>
 * java -cp "mci-bench/target/classes:$(cat mci-bench/target/classpath.txt)" \
 *     dev.mci.bench.InvestigationBench 100
 * </pre>
 */
public final class InvestigationBench {
  private InvestigationBench() {}

  public static void main(String[] args) throws Exception {
    int latencyMillis = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    SimulatorConfig config =
        SimulatorConfig.builder()
            .faults(FaultProfile.parse("latency=" + latencyMillis + "ms"))
            .rateLimit(RateLimit.of(1_000_000, Duration.ofMinutes(1)))
            .build();
    Path root = Files.createTempDirectory("mci-bench-cases");
    try (SimulatorServer server = SimulatorServer.start(config)) {
      String reported = server.tenant().scenario().messageIdHeader();
      // A warm-up run so class loading and JIT do not count against the first measured run.
      run(server, reported, root, 6);
      Result sequential = run(server, reported, root, 1);
      Result bounded = run(server, reported, root, InvestigationOptions.DEFAULT_CONCURRENCY);
      Result unbounded = run(server, reported, root, 256);
      System.out.printf(
          "latency=%dms calls=%d sequential=%.2fs default(bound %d)=%.2fs unbounded=%.2fs"
              + " speedup=%.1fx default/unbounded=%.2fx%n",
          latencyMillis,
          bounded.calls,
          sequential.seconds,
          InvestigationOptions.DEFAULT_CONCURRENCY,
          bounded.seconds,
          unbounded.seconds,
          sequential.seconds / bounded.seconds,
          bounded.seconds / unbounded.seconds);
    }
  }

  private record Result(double seconds, int calls) {}

  private static Result run(SimulatorServer server, String indicator, Path root, int concurrency) {
    InvestigationOptions options =
        InvestigationOptions.builder()
            .client(
                MimecastClient.builder()
                    .baseUrl(server.baseUrl())
                    .credentials(
                        new OAuth2Credentials(
                            server.credentials().clientId(), server.credentials().clientSecret())))
            .casesRoot(root)
            .maxConcurrency(concurrency)
            .build();
    long start = System.nanoTime();
    Case result = Investigation.run(indicator, options);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "  concurrency %3d: %.2f s, %d calls, status %s%n",
        concurrency, seconds, result.apiCalls(), result.status());
    return new Result(seconds, result.apiCalls());
  }
}
