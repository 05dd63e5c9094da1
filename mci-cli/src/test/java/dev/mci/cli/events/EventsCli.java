package dev.mci.cli.events;

import dev.mci.cli.CliEnvironment;
import dev.mci.cli.Mci;
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
 * Runs {@code mci} in-process exactly as {@code Main} wires it, with the data folder in a temporary
 * folder and credentials for a simulator, and captures exit code and both streams.
 */
public final class EventsCli {

  /** The outcome of one run. */
  public record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final Map<String, String> env = new HashMap<>();
  private final Path folder;

  private EventsCli(Path folder) {
    this.folder = folder;
    env.put("MCI_DATA_DIR", folder.resolve("data").toString());
    env.put("MCI_CONFIG_DIR", folder.resolve("config").toString());
  }

  /** No credentials: for store-only commands and for checking their absence. */
  public static EventsCli offline(Path folder) {
    return new EventsCli(folder);
  }

  /** API 2.0 credentials for {@code server}. */
  public static EventsCli api2(Path folder, SimulatorServer server) {
    SimulatorCredentials sim = server.credentials();
    EventsCli cli = new EventsCli(folder);
    cli.env.put("MIMECAST_BASE_URL", server.baseUrl().toString());
    cli.env.put("MIMECAST_CLIENT_ID", sim.clientId());
    cli.env.put("MIMECAST_CLIENT_SECRET", sim.clientSecret());
    return cli;
  }

  /** API 1.0 credentials for {@code server}. */
  public static EventsCli api1(Path folder, SimulatorServer server) {
    SimulatorCredentials sim = server.credentials();
    EventsCli cli = new EventsCli(folder);
    cli.env.put("MIMECAST_BASE_URL", server.baseUrlV1().toString());
    cli.env.put("MIMECAST_APP_ID", sim.appId());
    cli.env.put("MIMECAST_APP_KEY", sim.appKey());
    cli.env.put("MIMECAST_ACCESS_KEY", sim.accessKey());
    cli.env.put("MIMECAST_SECRET_KEY", sim.secretKey());
    return cli;
  }

  /** The environment variables a child process needs to act as this CLI. */
  public Map<String, String> environment() {
    return Map.copyOf(env);
  }

  /** The data folder (default store, quarantine). */
  public Path dataFolder() {
    return folder.resolve("data");
  }

  public Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment =
        new CliEnvironment(
            Map.copyOf(env),
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
}
