package dev.mci.cli.support;

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
  STIX
}
