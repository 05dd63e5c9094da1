package dev.mci.cli.support;

import java.util.function.Function;

/**
 * One column of tabular output: a header and how to read the cell from a row. Table and CSV use the
 * columns; JSON and NDJSON write the whole row.
 */
public record Column<T>(String header, Function<T, ?> value) {
  public static <T> Column<T> of(String header, Function<T, ?> value) {
    return new Column<>(header, value);
  }

  String cell(T row) {
    Object v = value.apply(row);
    if (v == null) {
      return "";
    }
    if (v instanceof java.util.Optional<?> optional) {
      return optional.map(String::valueOf).orElse("");
    }
    return String.valueOf(v);
  }
}
