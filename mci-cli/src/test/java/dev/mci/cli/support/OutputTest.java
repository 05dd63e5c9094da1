package dev.mci.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTest {
  record Row(String subject, int size) {}

  private static final List<Column<Row>> COLUMNS =
      List.of(Column.of("subject", Row::subject), Column.of("size", Row::size));

  private static String render(OutputFormat format, List<Row> rows) {
    StringWriter text = new StringWriter();
    new Output(format, new PrintWriter(text)).rows(COLUMNS, rows);
    return text.toString();
  }

  @Test
  void tableAlignsColumnsUnderTheirHeaders() {
    String table = render(OutputFormat.TABLE, List.of(new Row("Invoice", 12), new Row("Hi", 7)));
    assertThat(table.lines()).containsExactly("subject  size", "Invoice  12", "Hi       7");
  }

  @Test
  void controlAndBidiCharactersInDataCannotForgeTerminalLines() {
    String table = render(OutputFormat.TABLE, List.of(new Row("a\nb\u001b[2Jc\u202Egnp.exe", 1)));
    assertThat(table.lines()).hasSize(2);
    assertThat(table).doesNotContain("\u001b").doesNotContain("\u202E");
  }

  @Test
  void csvQuotesCommasAndDefusesSpreadsheetFormulas() {
    String csv =
        render(OutputFormat.CSV, List.of(new Row("=HYPERLINK(\"x\")", 1), new Row("a,b", 2)));
    assertThat(csv.lines())
        .containsExactly("subject,size", "\"'=HYPERLINK(\"\"x\"\")\",1", "\"a,b\",2");
  }

  @Test
  void ndjsonWritesOneObjectPerLine() throws Exception {
    String ndjson = render(OutputFormat.NDJSON, List.of(new Row("x", 1), new Row("y", 2)));
    List<String> lines = ndjson.lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode second = Json.MAPPER.readTree(lines.get(1));
    assertThat(second.get("subject").asText()).isEqualTo("y");
  }

  @Test
  void jsonArrayStaysValidWhenTheSourceFailsPartWay() throws Exception {
    Iterable<Row> failing =
        () ->
            new java.util.Iterator<>() {
              int served;

              @Override
              public boolean hasNext() {
                if (served == 1) {
                  throw new IllegalStateException("network gone");
                }
                return true;
              }

              @Override
              public Row next() {
                served++;
                return new Row("first", 1);
              }
            };
    StringWriter text = new StringWriter();
    try {
      new Output(OutputFormat.JSON, new PrintWriter(text)).rows(COLUMNS, failing);
    } catch (IllegalStateException expected) {
      // the failure propagates; what was fetched must remain readable
    }
    JsonNode array = Json.MAPPER.readTree(text.toString());
    assertThat(array.size()).isEqualTo(1);
    assertThat(array.get(0).get("subject").asText()).isEqualTo("first");
  }
}
