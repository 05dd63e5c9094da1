package dev.mci.cli.events;

import dev.mci.cli.testing.InProcessCli;
import dev.mci.simulator.SimulatorServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code mci} in-process exactly as {@code Main} wires it, with the data folder in a temporary
 * folder and credentials for a simulator, and captures exit code and both streams.
 */
public final class EventsCli {

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
    EventsCli cli = new EventsCli(folder);
    cli.env.putAll(InProcessCli.api2(server));
    return cli;
  }

  /** API 1.0 credentials for {@code server}. */
  public static EventsCli api1(Path folder, SimulatorServer server) {
    EventsCli cli = new EventsCli(folder);
    cli.env.putAll(InProcessCli.api1(server));
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

  public InProcessCli.Run run(String... args) {
    return InProcessCli.run(env, folder, args);
  }
}
