package dev.mci.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.investigate.Investigation;
import dev.mci.investigate.InvestigationOptions;
import dev.mci.investigate.cases.Case;
import dev.mci.simulator.FaultProfile;
import dev.mci.simulator.RateLimit;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo investigation with the simulator adding a fixed latency to every call (issue 7, "The
 * investigation"). In one process it measures:
 *
 * <ul>
 *   <li>sequential: the same calls made one after another ({@code maxConcurrency} 1: one step at a
 *       time and one item at a time);
 *   <li>default: the run with the default options, the median of {@code repeats} runs;
 *   <li>chain: the longest dependent chain of calls, read from the default run's {@code
 *       audit.ndjson}: every call carries its place on the longest chain of calls it had to wait
 *       for (pages, retries and calls made one after the other by the same code, then the chain of
 *       step dependencies). It is reported in calls, in calls × the injected latency (the floor),
 *       and in calls × the mean time of one call of the sequential run (what a chain of that many
 *       calls costs here, client and simulator overhead included);
 *   <li>unbounded: a run with 256 slots, as a cross-check of the chain by measurement.
 * </ul>
 *
 * <p>Run by hand, see BENCHMARKS.md:
 *
 * <pre>
 * java -cp "mci-bench/target/classes:$(cat mci-bench/target/classpath.txt)" \
 *     dev.mci.bench.InvestigationBench 100 3
 * </pre>
 *
 * <p>Arguments: the latency in milliseconds (100), the number of default runs (3), and optionally a
 * bound to measure instead of the default one.
 */
public final class InvestigationBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InvestigationBench() {}

  public static void main(String[] args) throws Exception {
    int latencyMillis = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    // A third argument tries another bound in place of the default one.
    int bound =
        args.length > 2 ? Integer.parseInt(args[2]) : InvestigationOptions.DEFAULT_CONCURRENCY;
    SimulatorConfig config =
        SimulatorConfig.builder()
            .faults(FaultProfile.parse("latency=" + latencyMillis + "ms"))
            .rateLimit(RateLimit.of(1_000_000, Duration.ofMinutes(1)))
            .build();
    Path root = Files.createTempDirectory("mci-bench-cases");
    System.out.printf("load average before: %s%n", loadAverage());
    try (SimulatorServer server = SimulatorServer.start(config)) {
      String reported = server.tenant().scenario().messageIdHeader();
      // A warm-up run so class loading and JIT do not count against the first measured run.
      run(server, reported, root, bound);
      Result sequential = run(server, reported, root, 1);
      List<Result> defaults = new ArrayList<>();
      for (int i = 0; i < repeats; i++) {
        defaults.add(run(server, reported, root, bound));
      }
      Result unbounded = run(server, reported, root, 256);
      Result median = median(defaults);

      double perCall = sequential.seconds / sequential.calls;
      double chainFloor = median.chain * latencyMillis / 1000.0;
      double chainSeconds = median.chain * perCall;
      System.out.printf("chain by step (first-last place of its calls): %s%n", median.steps);
      System.out.printf(
          "latency=%dms calls=%d sequential=%.2fs default(bound %d, median of %d)=%.2fs"
              + " chain=%d calls (%d in the sequential run) = %.2fs at the latency, %.2fs at"
              + " %.0fms/call unbounded=%.2fs%n",
          latencyMillis,
          median.calls,
          sequential.seconds,
          bound,
          repeats,
          median.seconds,
          median.chain,
          sequential.chain,
          chainFloor,
          chainSeconds,
          perCall * 1000,
          unbounded.seconds);
      System.out.printf(
          "speedup sequential/default=%.1fx (goal >= 4)  default/chain=%.2fx (goal <= 1.5;"
              + " %.2fx of the latency-only floor)  load average after: %s%n",
          sequential.seconds / median.seconds,
          median.seconds / chainSeconds,
          median.seconds / chainFloor,
          loadAverage());
    }
  }

  /**
   * @param steps per step, the first and last place on the chain of its calls
   */
  private record Result(double seconds, int calls, int chain, Map<String, String> steps) {}

  private static Result median(List<Result> results) {
    List<Result> sorted = new ArrayList<>(results);
    sorted.sort((a, b) -> Double.compare(a.seconds, b.seconds));
    return sorted.get(sorted.size() / 2);
  }

  private static Result run(SimulatorServer server, String indicator, Path root, int concurrency)
      throws IOException {
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
    List<JsonNode> audit = new ArrayList<>();
    for (String line : Files.readAllLines(root.resolve(result.id()).resolve("audit.ndjson"))) {
      audit.add(JSON.readTree(line));
    }
    int chain = 0;
    Map<String, int[]> steps = new LinkedHashMap<>();
    for (JsonNode call : audit) {
      int place = call.path("chain").asInt();
      chain = Math.max(chain, place);
      int[] range =
          steps.computeIfAbsent(call.path("step").asText(), s -> new int[] {Integer.MAX_VALUE, 0});
      range[0] = Math.min(range[0], place);
      range[1] = Math.max(range[1], place);
    }
    Map<String, String> ranges = new LinkedHashMap<>();
    steps.entrySet().stream()
        .sorted((a, b) -> Arrays.compare(a.getValue(), b.getValue()))
        .forEach(e -> ranges.put(e.getKey(), e.getValue()[0] + "-" + e.getValue()[1]));
    System.out.printf(
        "  concurrency %3d: %.2f s, %d calls, chain %d, status %s%n",
        concurrency, seconds, result.apiCalls(), chain, result.status());
    return new Result(seconds, result.apiCalls(), chain, ranges);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
