package dev.mci.cli.cases;

import dev.mci.cli.CliEnvironment;
import dev.mci.cli.events.StoreOption;
import dev.mci.investigate.cases.CaseIndex;
import dev.mci.investigate.cases.FileCaseIndex;
import dev.mci.investigate.cases.StoreCaseIndex;
import dev.mci.store.StoreException;
import dev.mci.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The event store {@code mci investigate} and {@code mci case} use: the {@code --store} value when
 * given (as {@code mci events pull} and {@code mci hunt} take it), else the default store when its
 * file exists. Without one, investigations skip playbook step 9 and cases are found by scanning the
 * cases folder alone. Nothing here creates a store.
 */
public final class CaseStores {

  private CaseStores() {}

  /**
   * The store to use.
   *
   * @param option the parsed {@code --store} option
   * @param given whether {@code --store} was on the command line
   */
  public static Optional<StoreLocation> resolve(
      StoreOption option, boolean given, CliEnvironment environment) {
    StoreLocation location = option.location(environment);
    if (given) {
      return Optional.of(location);
    }
    return location.file().filter(Files::isRegularFile).map(file -> location);
  }

  /** {@link #resolve(StoreOption, boolean, CliEnvironment)} for a {@code --store} text or null. */
  static Optional<StoreLocation> resolve(String store, CliEnvironment environment) {
    if (store != null) {
      try {
        return Optional.of(StoreLocation.parse(store));
      } catch (StoreException e) {
        throw StoreOption.problem(e);
      }
    }
    StoreLocation location = StoreLocation.defaultFor(environment.env());
    return location.file().filter(Files::isRegularFile).map(file -> location);
  }

  /** The case index of a cases root: the store's table merged with the folders, or the folders. */
  public static CaseIndex index(Optional<StoreLocation> store, Path root) {
    return store
        .<CaseIndex>map(location -> new StoreCaseIndex(location, root))
        .orElseGet(() -> new FileCaseIndex(root));
  }
}
