package dev.mci.cli.groups;

import dev.mci.cli.testing.InProcessCli;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import java.nio.file.Path;

/**
 * {@code mci} in-process against a simulator on loopback, with API 2.0 or 1.0 credentials in the
 * environment.
 */
public final class SimulatedCli implements AutoCloseable {

  public final SimulatorServer server =
      SimulatorServer.start(SimulatorConfig.builder().port(0).portV1(0).build());

  private final Path folder;

  public SimulatedCli(Path folder) {
    this.folder = folder;
  }

  /** Runs over API 2.0 (OAuth). */
  public InProcessCli.Run api2(String... args) {
    return InProcessCli.run(InProcessCli.api2(server), folder, args);
  }

  /** Runs over API 1.0 (HMAC). */
  public InProcessCli.Run api1(String... args) {
    return InProcessCli.run(InProcessCli.api1(server), folder, args);
  }

  @Override
  public void close() {
    server.close();
  }
}
