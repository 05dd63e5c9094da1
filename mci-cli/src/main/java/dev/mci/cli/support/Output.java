package dev.mci.cli.support;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows in the chosen {@link OutputFormat}. NDJSON, CSV and JSON stream rows as they arrive
 * (nothing is held back, so a failure part-way keeps what was already written); only the table
 * buffers, to size its columns.
 */
public final class Output {
  private final OutputFormat format;
  private final PrintWriter out;

  public Output(OutputFormat format, PrintWriter out) {
    this.format = format;
    this.out = out;
  }

  public OutputFormat format() {
    return format;
  }

  /** Writes every row; returns how many were written. */
  public <T> long rows(List<Column<T>> columns, Iterable<T> rows) {
    try {
      return switch (format) {
        case TABLE -> table(columns, rows);
        case CSV -> csv(columns, rows);
        case NDJSON -> ndjson(rows);
        case JSON -> jsonArray(rows);
        case STIX -> throw OutputFormat.stixOnlyForCaseExport();
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      out.flush();
    }
  }

  /** Writes one object: pretty JSON for json/table, one line for ndjson; CSV uses the columns. */
  public <T> void single(List<Column<T>> columns, T value) {
    if (format == OutputFormat.TABLE) {
      int width = columns.stream().mapToInt(c -> c.header().length()).max().orElse(0);
      for (Column<T> column : columns) {
        out.printf("%-" + width + "s  %s%n", column.header(), column.cell(value));
      }
      out.flush();
    } else {
      rows(columns, List.of(value));
    }
  }

  private <T> long table(List<Column<T>> columns, Iterable<T> rows) {
    List<String[]> cells = new ArrayList<>();
    int[] widths = columns.stream().mapToInt(c -> c.header().length()).toArray();
    for (T row : rows) {
      String[] line = new String[columns.size()];
      for (int i = 0; i < line.length; i++) {
        line[i] = oneLine(columns.get(i).cell(row));
        widths[i] = Math.max(widths[i], line[i].length());
      }
      cells.add(line);
    }
    printTableLine(columns.stream().map(Column::header).toArray(String[]::new), widths);
    for (String[] line : cells) {
      printTableLine(line, widths);
    }
    if (cells.isEmpty()) {
      out.println("(no results)");
    }
    return cells.size();
  }

  private void printTableLine(String[] line, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < line.length; i++) {
      if (i > 0) {
        text.append("  ");
      }
      text.append(line[i]);
      if (i < line.length - 1) {
        text.append(" ".repeat(widths[i] - line[i].length()));
      }
    }
    out.println(text);
  }

  private <T> long csv(List<Column<T>> columns, Iterable<T> rows) {
    out.println(String.join(",", columns.stream().map(c -> csvCell(c.header())).toList()));
    long count = 0;
    for (T row : rows) {
      out.println(String.join(",", columns.stream().map(c -> csvCell(c.cell(row))).toList()));
      count++;
    }
    return count;
  }

  private <T> long ndjson(Iterable<T> rows) throws IOException {
    long count = 0;
    for (T row : rows) {
      out.println(Json.MAPPER.writeValueAsString(row));
      count++;
    }
    return count;
  }

  private <T> long jsonArray(Iterable<T> rows) throws IOException {
    long count = 0;
    JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out);
    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    generator.useDefaultPrettyPrinter();
    generator.writeStartArray();
    try {
      for (T row : rows) {
        Json.MAPPER.writeValue(generator, row);
        count++;
      }
    } finally {
      // Close the array even on failure so what was written stays valid JSON.
      generator.writeEndArray();
      generator.flush();
      out.println();
    }
    return count;
  }

  /** Control characters from message data must not move the terminal cursor or forge lines. */
  static String oneLine(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp) || isBidiControl(cp)) {
                clean.append(cp == '\n' || cp == '\r' || cp == '\t' ? ' ' : '?');
              } else {
                clean.appendCodePoint(cp);
              }
            });
    return clean.toString();
  }

  private static boolean isBidiControl(int cp) {
    return (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E
        || cp == 0x200F;
  }

  static String csvCell(String value) {
    String text = oneLine(value);
    // A leading = + - @ makes spreadsheets evaluate the cell; hostile subjects must stay text.
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
