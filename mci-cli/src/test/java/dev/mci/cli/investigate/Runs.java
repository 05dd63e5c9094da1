package dev.mci.cli.investigate;

import dev.mci.cli.CliEnvironment;
import dev.mci.cli.Mci;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code mci} in-process as {@code Main} wires it, with chosen environment variables and
 * folders, capturing the exit code and both streams.
 */
public final class Runs {
  private final Map<String, String> variables = new HashMap<>();
  private final Path folder;

  private Runs(Path folder) {
    this.folder = folder;
  }

  /** No variables; config and work folders under {@code folder}. */
  public static Runs in(Path folder) {
    return new Runs(folder);
  }

  /** Sets an environment variable. */
  public Runs set(String name, String value) {
    variables.put(name, value);
    return this;
  }

  /** Runs one command line. */
  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment =
        new CliEnvironment(
            Map.copyOf(variables),
            folder.resolve("config"),
            folder,
            new ByteArrayInputStream(new byte[0]),
            false,
            Clock.systemUTC());
    int code =
        Mci.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** What one run produced. */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
