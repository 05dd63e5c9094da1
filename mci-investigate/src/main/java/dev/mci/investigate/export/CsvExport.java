package dev.mci.investigate.export;

import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseMessage;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The case's messages as CSV, one row per recipient copy. Cells that a spreadsheet would evaluate
 * (starting with {@code = + - @}, tab or carriage return) are prefixed with {@code '}: subjects are
 * attacker-controlled.
 */
final class CsvExport {

  private static final List<String> HEADER =
      List.of(
          "relation",
          "received",
          "status",
          "from",
          "from_name",
          "envelope_from",
          "to",
          "subject",
          "sender_ip",
          "route",
          "spam_score",
          "attachments",
          "id");

  private CsvExport() {}

  static String render(Case model) {
    StringBuilder csv = new StringBuilder();
    line(csv, HEADER);
    for (CaseMessage copy : model.data().messages()) {
      line(
          csv,
          List.of(
              copy.relation().name().toLowerCase(Locale.ROOT),
              copy.received() == null ? "" : copy.received().toString(),
              value(copy.status()),
              copy.sender().address(),
              value(copy.sender().displayName()),
              copy.envelopeFrom() == null ? "" : copy.envelopeFrom().address(),
              copy.to().stream().map(Address::address).collect(Collectors.joining(";")),
              value(copy.subject()),
              value(copy.senderIp()),
              value(copy.route()),
              copy.spamScore() == null ? "" : String.valueOf(copy.spamScore()),
              copy.hasAttachments() == null ? "" : String.valueOf(copy.hasAttachments()),
              value(copy.id())));
    }
    return csv.toString();
  }

  private static String value(String text) {
    return text == null ? "" : text;
  }

  private static void line(StringBuilder csv, List<String> cells) {
    csv.append(cells.stream().map(CsvExport::cell).collect(Collectors.joining(","))).append("\r\n");
  }

  static String cell(String value) {
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
