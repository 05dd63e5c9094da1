package dev.mci.cli.sim;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.Json;
import dev.mci.cli.support.OutputFormat;
import dev.mci.simulator.FaultProfile;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.TenantSize;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mci sim}: runs the bundled Mimecast simulator until stopped. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
      "Run the built-in Mimecast simulator (a synthetic tenant) on loopback until stopped.",
      "Prints the base URLs and the (fake) credentials to use; --format json prints them as one"
          + " JSON line for scripts."
    })
public final class SimCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--port", paramLabel = "N", description = "API 2.0 port (0 = any free port).")
  int port;

  @Option(names = "--port-v1", paramLabel = "N", description = "API 1.0 port (0 = any free port).")
  int portV1;

  @Option(names = "--seed", paramLabel = "S", description = "Tenant seed (default: 42).")
  long seed = 42;

  @Option(
      names = "--size",
      paramLabel = "SIZE",
      description = "Tenant size: ${COMPLETION-CANDIDATES} (default: small).")
  TenantSize size = TenantSize.SMALL;

  @Option(
      names = "--faults",
      paramLabel = "PROFILE",
      description =
          "Fault profile: none, flaky, hostile, or key=value list such as"
              + " latency=100ms,429=0.05,5xx=0.02,drop=0.01 (default: none).")
  String faults = "none";

  @Option(names = "--stop-after", hidden = true, description = "Stop after this many seconds.")
  Long stopAfterSeconds;

  public SimCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    FaultProfile profile;
    try {
      profile = FaultProfile.parse(faults);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--faults: " + e.getMessage());
    }
    SimulatorConfig config =
        SimulatorConfig.builder()
            .port(port)
            .portV1(portV1)
            .seed(seed)
            .size(size)
            .faults(profile)
            .build();
    CountDownLatch stopped = new CountDownLatch(1);
    try (SimulatorServer server = SimulatorServer.start(config)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "mci-sim-stop"));
      describe(server);
      if (stopAfterSeconds != null) {
        stopped.await(stopAfterSeconds, TimeUnit.SECONDS);
      } else {
        stopped.await();
      }
    }
    return ExitCode.OK;
  }

  private void describe(SimulatorServer server) {
    SimulatorCredentials credentials = server.credentials();
    PrintWriter out = context.out();
    if (context.format() == OutputFormat.JSON || context.format() == OutputFormat.NDJSON) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("baseUrl", server.baseUrl().toString());
      line.put("baseUrlV1", server.baseUrlV1().toString());
      line.put("clientId", credentials.clientId());
      line.put("clientSecret", credentials.clientSecret());
      line.put("appId", credentials.appId());
      line.put("appKey", credentials.appKey());
      line.put("accessKey", credentials.accessKey());
      line.put("secretKey", credentials.secretKey());
      try {
        out.println(Json.MAPPER.writeValueAsString(line));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      out.println(
          "MCI simulator running (seed " + seed + ", size " + size.name().toLowerCase() + ")");
      out.println("  API 2.0 base URL: " + server.baseUrl());
      out.println("  API 1.0 base URL: " + server.baseUrlV1());
      out.println();
      out.println("These credentials are synthetic and only work against this simulator.");
      out.println("API 2.0 (OAuth2), in another shell:");
      out.println("  export MIMECAST_BASE_URL=" + server.baseUrl());
      out.println("  export MIMECAST_CLIENT_ID=" + credentials.clientId());
      out.println("  export MIMECAST_CLIENT_SECRET=" + credentials.clientSecret());
      out.println("API 1.0 (HMAC) instead:");
      out.println("  export MIMECAST_BASE_URL=" + server.baseUrlV1());
      out.println("  export MIMECAST_APP_ID=" + credentials.appId());
      out.println("  export MIMECAST_APP_KEY=" + credentials.appKey());
      out.println("  export MIMECAST_ACCESS_KEY=" + credentials.accessKey());
      out.println("  export MIMECAST_SECRET_KEY=" + credentials.secretKey());
      out.println();
      out.println(
          stopAfterSeconds == null
              ? "Press Ctrl-C to stop."
              : "Stopping after " + Duration.ofSeconds(stopAfterSeconds) + ".");
    }
    out.flush();
  }
}
