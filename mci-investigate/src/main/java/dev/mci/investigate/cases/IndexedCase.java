package dev.mci.investigate.cases;

import java.nio.file.Path;

/**
 * A case the index knows, and where its folder is.
 *
 * @param summary the index line
 * @param folder the case folder
 */
public record IndexedCase(CaseSummary summary, Path folder) {

  /** Reads the whole case from its folder (no API call). */
  public Case open() {
    return CaseFolder.read(folder);
  }
}
