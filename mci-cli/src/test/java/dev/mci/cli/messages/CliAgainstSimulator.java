package dev.mci.cli.messages;

import dev.mci.cli.testing.InProcessCli;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import java.nio.file.Path;
import java.util.Map;

/** {@code mci} in-process against a simulator on loopback, with a choice of credentials. */
public final class CliAgainstSimulator implements AutoCloseable {

  /** Which credentials the run gets. */
  public enum Credentials {
    API_2,
    API_1,
    NONE
  }

  public final SimulatorServer server =
      SimulatorServer.start(SimulatorConfig.builder().port(0).portV1(0).build());

  /** Runs {@code mci args} with {@code credentials}, in {@code folder}. */
  public InProcessCli.Run run(Path folder, Credentials credentials, String... args) {
    Map<String, String> variables =
        switch (credentials) {
          case API_2 -> InProcessCli.api2(server);
          case API_1 -> InProcessCli.api1(server);
          case NONE -> Map.of();
        };
    return InProcessCli.run(variables, folder, args);
  }

  @Override
  public void close() {
    server.close();
  }
}
