package dev.mci.investigate.export;

import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseJson;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats a case can be exported to. Exports read only the case; they call no API. */
public enum CaseExport {
  /** {@code case.json} itself. */
  JSON,
  /** The case's messages, one row per recipient copy (RFC 4180, spreadsheet-safe). */
  CSV,
  /** A STIX 2.1 bundle of the indicators and the observed data. */
  STIX;

  /** The export as text. */
  public String render(Case model) {
    return switch (this) {
      case JSON -> CaseJson.write(model) + "\n";
      case CSV -> CsvExport.render(model);
      case STIX -> StixExport.render(model);
    };
  }

  /** The format with this name, ignoring case. */
  public static Optional<CaseExport> fromName(String name) {
    return Arrays.stream(values())
        .filter(f -> f.name().equalsIgnoreCase(name == null ? "" : name.strip()))
        .findFirst();
  }

  /** The names, for help and errors: {@code json|csv|stix}. */
  public static String names() {
    return Arrays.stream(values())
        .map(f -> f.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining("|"));
  }
}
