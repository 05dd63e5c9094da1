package dev.mci.cli;

import dev.mci.cli.testing.InProcessCli;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code mci} in-process exactly as {@link Main} wires it, with a chosen environment, and
 * captures the exit code and both output streams.
 */
final class CliRun {
  final int exitCode;
  final String out;
  final String err;

  private CliRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  /** A fresh environment: no variables, an empty config folder, a real clock. */
  static Env env(Path folder) {
    return new Env(folder);
  }

  static final class Env {
    private final Map<String, String> variables = new HashMap<>();
    private final Path folder;
    private String stdin = "";
    private Clock clock = Clock.systemUTC();

    Env(Path folder) {
      this.folder = folder;
    }

    Env set(String name, String value) {
      variables.put(name, value);
      return this;
    }

    Env stdin(String text) {
      this.stdin = text;
      return this;
    }

    Env clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    CliRun run(String... args) {
      InProcessCli.Run run = InProcessCli.run(variables, folder, stdin, clock, args);
      return new CliRun(run.exitCode(), run.out(), run.err());
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
