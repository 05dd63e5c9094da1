package dev.mci.cli.cases;

import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.investigate.CaseException;
import dev.mci.investigate.cases.CaseIndex;
import dev.mci.investigate.cases.FileCaseIndex;
import dev.mci.investigate.cases.IndexedCase;
import java.nio.file.Path;

/** Finds a case by id or unique id prefix, turning failures into one-line CLI errors. */
final class CaseLookup {

  private CaseLookup() {}

  static IndexedCase find(Path root, String id) {
    CaseIndex index = new FileCaseIndex(root);
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
