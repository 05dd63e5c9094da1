package dev.mci.investigate.report;

import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseUrl;
import dev.mci.investigate.cases.EvidenceFile;
import dev.mci.investigate.cases.Finding;
import dev.mci.investigate.cases.LocalEvent;
import dev.mci.investigate.cases.LocalEventHunt;
import dev.mci.investigate.cases.StepReport;
import dev.mci.investigate.cases.TimelineEvent;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code report.md}: the same content as the HTML report for a ticket or a terminal. Every value is
 * escaped so that Markdown viewers show it as text (a subject holding {@code <script>} or {@code
 * [link](javascript:...)} stays inert).
 */
public final class MarkdownReport {

  private static final int MAX_MESSAGE_ROWS = 200;

  private MarkdownReport() {}

  /** The report of a case. */
  public static String render(Case model) {
    StringBuilder md = new StringBuilder();
    md.append("# MCI case ").append(text(model.id())).append("\n\n");
    md.append("| | |\n|---|---|\n");
    row(md, "Indicator", model.indicator().value());
    row(md, "Type", model.indicator().type().description());
    row(
        md,
        "Window",
        Texts.time(model.window().since()) + " to " + Texts.time(model.window().until()));
    row(md, "Started", Texts.time(model.createdAt()));
    row(md, "Status", model.status().name().toLowerCase(Locale.ROOT));
    row(md, "API calls", String.valueOf(model.apiCalls()));
    md.append('\n');

    md.append("## Findings\n\n");
    if (model.findings().isEmpty()) {
      md.append("No findings.\n");
    }
    for (Finding finding : model.findings()) {
      md.append(finding.rank())
          .append(". **")
          .append(finding.severity())
          .append("** ")
          .append(text(finding.statement()))
          .append('\n');
    }
    md.append("\n## What is missing\n\n");
    if (model.missing().isEmpty()) {
      md.append("Nothing: every part of the playbook ran and succeeded.\n");
    }
    for (String line : model.missing()) {
      md.append("- ").append(text(line)).append('\n');
    }

    md.append("\n## Timeline (UTC)\n\n");
    if (model.timeline().isEmpty()) {
      md.append("No dated events.\n");
    } else {
      md.append("| time | event | what |\n|---|---|---|\n");
      for (TimelineEvent event : model.timeline()) {
        cells(md, Texts.time(event.time()), text(event.kind()), text(event.summary()));
      }
    }
    messages(md, "Located messages", model.data().located());
    messages(md, "Blast radius", model.data().related());
    if (!model.data().urls().isEmpty()) {
      md.append("\n## URLs\n\n| URL | rewritten form | note |\n|---|---|---|\n");
      for (CaseUrl url : model.data().urls()) {
        cells(
            md,
            code(url.url()),
            url.rewritten() == null ? "" : code(url.rewritten()),
            url.decodeError() == null ? "" : text("not decoded: " + url.decodeError()));
      }
    }
    localEvents(md, model.data().localEventHunts(), model.data().localEvents());
    md.append("\n## Steps\n\n| step | status | ms | calls | error |\n|---|---|---|---|---|\n");
    for (StepReport step : model.steps()) {
      cells(
          md,
          text(step.name()),
          step.status().name().toLowerCase(Locale.ROOT),
          step.durationMillis(),
          step.calls(),
          step.error() != null
              ? text(step.error().message())
              : step.skippedBecause() != null
                  ? text("skipped: " + step.skippedBecause() + " did not succeed")
                  : "");
    }
    md.append("\n## Evidence\n\n");
    if (model.evidence().isEmpty()) {
      md.append("No evidence files.\n");
    }
    for (EvidenceFile file : model.evidence()) {
      md.append("- ")
          .append(code(file.path()))
          .append(" sha256 ")
          .append(code(file.sha256()))
          .append(": ")
          .append(text(file.description()))
          .append('\n');
    }
    md.append("\nEvery API call is listed in `audit.ndjson`.\n");
    return md.toString();
  }

  private static void messages(StringBuilder md, String title, List<CaseMessage> copies) {
    md.append("\n## ").append(title).append(" (").append(copies.size()).append(")\n\n");
    if (copies.isEmpty()) {
      md.append("None.\n");
      return;
    }
    md.append("| received (UTC) | status | from | to | subject | sending IP |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (CaseMessage copy : copies.subList(0, Math.min(copies.size(), MAX_MESSAGE_ROWS))) {
      cells(
          md,
          Texts.time(copy.received()),
          text(copy.status()),
          text(copy.sender().address()),
          text(copy.to().stream().map(Address::address).collect(Collectors.joining(", "))),
          text(copy.subject()),
          text(copy.senderIp()));
    }
    if (copies.size() > MAX_MESSAGE_ROWS) {
      md.append("\n(")
          .append(copies.size() - MAX_MESSAGE_ROWS)
          .append(" more rows in case.json)\n");
    }
  }

  /** Playbook step 9: the hunts of the local event store and the rows kept. */
  private static void localEvents(
      StringBuilder md, List<LocalEventHunt> hunts, List<LocalEvent> rows) {
    if (hunts.isEmpty()) {
      return;
    }
    md.append("\n## Local event store\n\n");
    md.append("| hunted | value | as | events in the window | kept |\n|---|---|---|---|---|\n");
    for (LocalEventHunt hunt : hunts) {
      cells(
          md,
          text(hunt.kind()),
          code(hunt.value()),
          text(hunt.role()),
          hunt.total(),
          hunt.related());
    }
    if (rows.isEmpty()) {
      return;
    }
    md.append("\n| time (UTC) | log type | action | sender | user | IP | subject | matched |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (LocalEvent row : rows) {
      cells(
          md,
          Texts.time(row.time()),
          text(row.logType()),
          text(row.action()),
          text(row.sender()),
          text(row.user()),
          text(row.ip()),
          text(row.subject()),
          text(String.join(", ", row.matched())));
    }
  }

  /** Writes a table row of cells already escaped. */
  private static void cells(StringBuilder md, Object... cells) {
    md.append("|");
    for (Object cell : cells) {
      md.append(' ').append(cell).append(" |");
    }
    md.append('\n');
  }

  private static void row(StringBuilder md, String name, String value) {
    cells(md, name, text(value));
  }

  /**
   * Escapes Markdown and inline HTML: a backslash before the characters that make emphasis, code,
   * links or table cells, {@code <}, {@code >} and {@code &} as entities, line breaks as spaces,
   * control characters dropped. Web addresses in running text are defanged ({@code hxxps://}) so
   * that viewers which turn bare URLs into links cannot make a phishing link clickable; exact
   * values stay in code spans and in case.json.
   */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    String defanged = value.replaceAll("(?i)\\bhttp(s?)://", "hxxp$1://");
    StringBuilder out = new StringBuilder(defanged.length() + 8);
    for (int i = 0; i < defanged.length(); i++) {
      char c = defanged.charAt(i);
      if (c == '<') {
        out.append("&lt;");
      } else if (c == '>') {
        out.append("&gt;");
      } else if (c == '&') {
        out.append("&amp;");
      } else if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      } else if (Character.isISOControl(c)) {
        continue;
      } else if ("\\`*_[]|~".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A value as inline code, which shows it exactly: a fence longer than any backtick run inside it.
   * Code spans cannot hold entities, so a value with markup characters is escaped text instead.
   */
  static String code(String value) {
    if (value != null
        && (value.indexOf('<') >= 0 || value.indexOf('>') >= 0 || value.indexOf('&') >= 0)) {
      return text(value);
    }
    String clean =
        value == null ? "" : value.replaceAll("[\\r\\n\\t]", " ").replaceAll("\\p{Cc}", "");
    String fence = "`";
    while (clean.contains(fence)) {
      fence += "`";
    }
    return fence + " " + clean.replace("|", "\\|") + " " + fence;
  }
}
