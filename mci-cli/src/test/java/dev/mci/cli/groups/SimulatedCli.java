package dev.mci.cli.groups;

import dev.mci.cli.CliEnvironment;
import dev.mci.cli.Mci;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Runs {@code mci} in-process, exactly as {@code Main} wires it, against a simulator on loopback
 * (API 2.0 or 1.0 credentials in the environment), and captures the exit code and both streams.
 */
public final class SimulatedCli implements AutoCloseable {

  /** One run's outcome. */
  public record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  public final SimulatorServer server =
      SimulatorServer.start(SimulatorConfig.builder().port(0).portV1(0).build());

  private final Path folder;

  public SimulatedCli(Path folder) {
    this.folder = folder;
  }

  /** Runs over API 2.0 (OAuth). */
  public Run api2(String... args) {
    SimulatorCredentials sim = server.credentials();
    return run(
        Map.of(
            "MIMECAST_BASE_URL", server.baseUrl().toString(),
            "MIMECAST_CLIENT_ID", sim.clientId(),
            "MIMECAST_CLIENT_SECRET", sim.clientSecret()),
        args);
  }

  /** Runs over API 1.0 (HMAC). */
  public Run api1(String... args) {
    SimulatorCredentials sim = server.credentials();
    return run(
        Map.of(
            "MIMECAST_BASE_URL", server.baseUrlV1().toString(),
            "MIMECAST_APP_ID", sim.appId(),
            "MIMECAST_APP_KEY", sim.appKey(),
            "MIMECAST_ACCESS_KEY", sim.accessKey(),
            "MIMECAST_SECRET_KEY", sim.secretKey()),
        args);
  }

  private Run run(Map<String, String> variables, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment =
        new CliEnvironment(
            variables,
            folder.resolve("config"),
            folder,
            new ByteArrayInputStream(new byte[0]),
            false,
            Clock.systemUTC());
    int code =
        Mci.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Override
  public void close() {
    server.close();
  }
}
