package dev.mci.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI reads from the outside world, gathered in one place so that tests can supply their
 * own environment variables, folders, standard input and clock.
 *
 * @param env environment variables
 * @param configDir folder holding {@code profiles/NAME.properties}
 * @param workDir folder relative output paths resolve against
 * @param stdin standard input (for {@code -} arguments)
 * @param interactive whether a person is at the terminal (prompts allowed, progress shown)
 * @param clock the time used for relative windows such as {@code --since 24h}
 */
public record CliEnvironment(
    Map<String, String> env,
    Path configDir,
    Path workDir,
    InputStream stdin,
    boolean interactive,
    Clock clock) {

  /**
   * The environment of this process: real variables, the user's config folder, the system clock.
   */
  public static CliEnvironment system() {
    Map<String, String> env = System.getenv();
    return new CliEnvironment(
        env,
        defaultConfigDir(env),
        Path.of("").toAbsolutePath(),
        System.in,
        System.console() != null,
        Clock.systemUTC());
  }

  /** {@code $MCI_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/mci}, else {@code ~/.config/mci}. */
  static Path defaultConfigDir(Map<String, String> env) {
    String explicit = env.get("MCI_CONFIG_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "mci");
    }
    if (System.getProperty("os.name", "").toLowerCase().contains("win")
        && env.get("APPDATA") != null) {
      return Path.of(env.get("APPDATA"), "mci");
    }
    return Path.of(System.getProperty("user.home"), ".config", "mci");
  }

  /** The value of an environment variable, treating blank as absent. */
  public Optional<String> variable(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
