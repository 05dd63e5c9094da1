package dev.mci.cli.support;

import dev.mci.cli.UserInputException;

/** How results are written to stdout. */
public enum OutputFormat {
  /** Aligned columns for people. */
  TABLE,
  /** One JSON document (an array for lists). */
  JSON,
  /** One JSON object per line, written as rows arrive. */
  NDJSON,
  /** RFC 4180 CSV with a header row. */
  CSV,
  /** A STIX 2.1 bundle; only {@code mci case export} writes one. */
  STIX;

  /** The error for {@code --format stix} on a command other than {@code mci case export}. */
  public static UserInputException stixOnlyForCaseExport() {
    return new UserInputException(
        "--format stix is only for 'mci case export'; use table, json, ndjson or csv here");
  }
}
