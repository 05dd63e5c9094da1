package dev.mci.cli.cases;

import dev.mci.cli.CliEnvironment;
import java.nio.file.Path;

/**
 * Where cases live: {@code --case-dir DIR}, else {@code $MCI_CASES_DIR}, else {@code mci-cases} in
 * the working folder. One place, so that {@code mci investigate} writes where {@code mci case}
 * reads.
 */
public final class CasesRoot {

  /** The environment variable naming the cases folder. */
  public static final String VARIABLE = "MCI_CASES_DIR";

  /** The folder used when neither the option nor the variable is given. */
  public static final String DEFAULT_FOLDER = "mci-cases";

  private CasesRoot() {}

  /** The cases root for an optional {@code --case-dir} value. */
  public static Path resolve(CliEnvironment environment, Path option) {
    if (option != null) {
      return environment.workDir().resolve(option);
    }
    return environment
        .variable(VARIABLE)
        .map(value -> environment.workDir().resolve(value))
        .orElseGet(() -> environment.workDir().resolve(DEFAULT_FOLDER));
  }
}
