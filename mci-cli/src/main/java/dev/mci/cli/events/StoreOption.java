package dev.mci.cli.events;

import dev.mci.cli.CliEnvironment;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.store.StoreException;
import dev.mci.store.StoreLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --store} option shared by {@code events} and {@code hunt}: a SQLite file (default:
 * {@code events.db} in the user's data folder) or a {@code jdbc:postgresql://} URL.
 */
public final class StoreOption {

  @Option(
      names = "--store",
      paramLabel = "FILE|URL",
      description =
          "Event store: a SQLite file, or jdbc:postgresql://host:port/db?user=NAME for a shared"
              + " store (default: events.db in $MCI_DATA_DIR, $XDG_DATA_HOME/mci or"
              + " ~/.local/share/mci).")
  String store;

  /** The store to use. */
  public StoreLocation location(CliEnvironment environment) {
    try {
      return store == null
          ? StoreLocation.defaultFor(environment.env())
          : StoreLocation.parse(store);
    } catch (StoreException e) {
      throw problem(e);
    }
  }

  /** The user's MCI data folder (quarantine and spool folders live there). */
  public Path dataFolder(CliEnvironment environment) {
    return StoreLocation.dataFolder(environment.env());
  }

  /** A store failure as one sentence and the exit code that fits it. */
  public static UserInputException problem(StoreException e) {
    int exitCode =
        switch (e.kind()) {
          case CONFIGURATION -> ExitCode.CONFIG;
          case BAD_QUERY -> ExitCode.USAGE;
          default -> ExitCode.UNAVAILABLE;
        };
    return new UserInputException("store: " + e.getMessage(), exitCode);
  }
}
