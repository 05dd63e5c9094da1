package dev.mci.simulator;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator from the command line until interrupted: {@code --port}, {@code --port-v1},
 * {@code --seed}, {@code --size} (small, medium, large) and {@code --faults} (the text {@link
 * FaultProfile#parse(String)} reads). Prints the two base URLs and the credentials' identifiers.
 */
public final class SimulatorMain {

  private SimulatorMain() {}

  /** Starts the simulator; exits with status 2 on bad arguments. */
  public static void main(String[] args) throws InterruptedException {
    SimulatorConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("mci simulator: " + e.getMessage());
      System.err.println(
          "usage: SimulatorMain [--port N] [--port-v1 N] [--seed N] [--size small|medium|large]"
              + " [--faults SPEC]");
      System.exit(2);
      return;
    }
    SimulatorServer server = SimulatorServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "mci-sim-shutdown"));
    describe(server, System.out);
    stopped.await();
  }

  /** Reads the command line into a configuration. */
  static SimulatorConfig parse(String[] args) {
    SimulatorConfig.Builder builder = SimulatorConfig.builder();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--port":
          builder.port(integer(flag, value));
          break;
        case "--port-v1":
          builder.portV1(integer(flag, value));
          break;
        case "--seed":
          builder.seed(longValue(flag, value));
          break;
        case "--size":
          try {
            builder.size(TenantSize.valueOf(value.toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "--size must be small, medium or large, was " + value, e);
          }
          break;
        case "--faults":
          builder.faults(FaultProfile.parse(value));
          break;
        case "--host":
          builder.host(value);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    return builder.build();
  }

  static void describe(SimulatorServer server, PrintStream out) {
    SimulatorCredentials c = server.credentials();
    out.println("API 2.0 base URL: " + server.baseUrl());
    out.println("API 1.0 base URL: " + server.baseUrlV1());
    out.println("account:          " + server.tenant().account().accountCode());
    out.println("2.0 client id:    " + c.clientId());
    out.println("1.0 app id:       " + c.appId());
    out.println("1.0 access key:   " + c.accessKey());
    out.println("(secrets: see SimulatorCredentials.fixed(); they are not printed)");
    out.flush();
  }

  private static int integer(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number, was " + value, e);
    }
  }

  private static long longValue(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number, was " + value, e);
    }
  }
}
