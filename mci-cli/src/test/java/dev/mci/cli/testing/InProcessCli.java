package dev.mci.cli.testing;

import dev.mci.cli.CliEnvironment;
import dev.mci.cli.Mci;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Runs {@code mci} in-process exactly as {@code Main} wires it (config under {@code folder/config},
 * {@code folder} as the working directory) and captures the exit code and both streams. The test
 * harnesses of each command area build on this one.
 */
public final class InProcessCli {

  /** One run's outcome. */
  public record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private InProcessCli() {}

  /** Runs {@code mci args} with these environment variables, no input, and the real clock. */
  public static Run run(Map<String, String> variables, Path folder, String... args) {
    return run(variables, folder, "", Clock.systemUTC(), args);
  }

  /** Runs {@code mci args} with these environment variables, standard input and clock. */
  public static Run run(
      Map<String, String> variables, Path folder, String stdin, Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment =
        new CliEnvironment(
            Map.copyOf(variables),
            folder.resolve("config"),
            folder,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            false,
            clock);
    int code =
        Mci.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** The variables that point {@code mci} at {@code server} over API 2.0 (OAuth). */
  public static Map<String, String> api2(SimulatorServer server) {
    SimulatorCredentials sim = server.credentials();
    return Map.of(
        "MIMECAST_BASE_URL", server.baseUrl().toString(),
        "MIMECAST_CLIENT_ID", sim.clientId(),
        "MIMECAST_CLIENT_SECRET", sim.clientSecret());
  }

  /** The variables that point {@code mci} at {@code server} over API 1.0 (HMAC). */
  public static Map<String, String> api1(SimulatorServer server) {
    SimulatorCredentials sim = server.credentials();
    return Map.of(
        "MIMECAST_BASE_URL", server.baseUrlV1().toString(),
        "MIMECAST_APP_ID", sim.appId(),
        "MIMECAST_APP_KEY", sim.appKey(),
        "MIMECAST_ACCESS_KEY", sim.accessKey(),
        "MIMECAST_SECRET_KEY", sim.secretKey());
  }
}
