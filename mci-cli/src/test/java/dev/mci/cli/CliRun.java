package dev.mci.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
      return new CliRun(code, out.toString(), err.toString());
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
