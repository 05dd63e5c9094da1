package dev.mci.cli.cases;

import dev.mci.cli.CliEnvironment;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.events.StoreOption;
import dev.mci.investigate.CaseException;
import dev.mci.investigate.cases.CaseIndex;
import dev.mci.investigate.cases.IndexedCase;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Finds a case by id or unique id prefix, turning failures into one-line CLI errors. The index is
 * the event store's case index merged with the cases folder when there is a store ({@link
 * CaseStores}), else the cases folder alone.
 */
final class CaseLookup {

  private CaseLookup() {}

  /** The index for a command with the {@code --store} option. */
  static CaseIndex index(
      StoreOption option, CommandSpec spec, CliEnvironment environment, Path root) {
    boolean given = spec.commandLine().getParseResult().hasMatchedOption("--store");
    return CaseStores.index(CaseStores.resolve(option, given, environment), root);
  }

  static IndexedCase find(CaseIndex index, Path root, String id) {
    try {
      return index
          .find(id)
          .orElseThrow(
              () ->
                  new UserInputException(
                      "no case '" + id + "' in " + root + " (see 'mci case list')",
                      ExitCode.NOT_FOUND));
    } catch (CaseException e) {
      throw new UserInputException(e.getMessage(), ExitCode.USAGE);
    }
  }

  static dev.mci.investigate.cases.Case open(IndexedCase indexed) {
    try {
      return indexed.open();
    } catch (CaseException e) {
      throw new UserInputException(e.getMessage(), ExitCode.USAGE);
    }
  }
}
