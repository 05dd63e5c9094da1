package dev.mci.cli.messages;

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
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code mci} command run in-process, as {@code Main} wires it, against a simulator on
 * loopback; captures the exit code and both streams.
 */
public final class CliAgainstSimulator implements AutoCloseable {

  /** One run's outcome. */
  public record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Which credentials the run gets. */
  public enum Credentials {
    API_2,
    API_1,
    NONE
  }

  public final SimulatorServer server =
      SimulatorServer.start(SimulatorConfig.builder().port(0).portV1(0).build());

  /** Runs {@code mci args} with {@code credentials}, in {@code folder}. */
  public Run run(Path folder, Credentials credentials, String... args) {
    SimulatorCredentials sim = server.credentials();
    Map<String, String> variables = new HashMap<>();
    if (credentials == Credentials.API_2) {
      variables.put("MIMECAST_BASE_URL", server.baseUrl().toString());
      variables.put("MIMECAST_CLIENT_ID", sim.clientId());
      variables.put("MIMECAST_CLIENT_SECRET", sim.clientSecret());
    } else if (credentials == Credentials.API_1) {
      variables.put("MIMECAST_BASE_URL", server.baseUrlV1().toString());
      variables.put("MIMECAST_APP_ID", sim.appId());
      variables.put("MIMECAST_APP_KEY", sim.appKey());
      variables.put("MIMECAST_ACCESS_KEY", sim.accessKey());
      variables.put("MIMECAST_SECRET_KEY", sim.secretKey());
    }
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
