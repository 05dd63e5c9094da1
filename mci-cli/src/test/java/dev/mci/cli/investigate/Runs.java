package dev.mci.cli.investigate;

import dev.mci.cli.testing.InProcessCli;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code mci} in-process with chosen environment variables; config and work folders in one. */
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
  public InProcessCli.Run run(String... args) {
    return InProcessCli.run(variables, folder, args);
  }
}
