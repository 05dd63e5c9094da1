package dev.mci.cli.cases;

import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseFolder;
import dev.mci.investigate.cases.Finding;
import dev.mci.investigate.cases.StepReport;
import dev.mci.investigate.cases.TimelineEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A case as text for a terminal. Values come from mail, so control and bidirectional-override
 * characters are replaced: a subject must not move the cursor or forge a line.
 */
public final class CaseText {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private CaseText() {}

  /** The findings, what is missing, and where the case and its report are. */
  public static void summary(PrintWriter out, Case model, Path folder) {
    out.println(
        "Case "
            + clean(model.id())
            + ": "
            + clean(model.indicator().type().description())
            + " "
            + clean(model.indicator().value())
            + " ("
            + model.status().name().toLowerCase(Locale.ROOT)
            + ", "
            + model.apiCalls()
            + " API calls)");
    findings(out, model);
    missing(out, model);
    out.println();
    out.println("Case folder: " + folder.toAbsolutePath());
    out.println("Report: " + folder.resolve(CaseFolder.REPORT_HTML).toAbsolutePath());
    out.flush();
  }

  /** Everything a person needs from a stored case: findings, missing parts, timeline, steps. */
  public static void details(PrintWriter out, Case model, Path folder) {
    summary(out, model, folder);
    out.println();
    out.println("Timeline (UTC):");
    if (model.timeline().isEmpty()) {
      out.println("  (no dated events)");
    }
    for (TimelineEvent event : model.timeline()) {
      out.println(
          "  "
              + UTC.format(event.time())
              + "  "
              + clean(event.kind())
              + "  "
              + clean(event.summary()));
    }
    out.println();
    out.println("Steps:");
    for (StepReport step : model.steps()) {
      out.println(
          "  "
              + clean(step.name())
              + ": "
              + step.status().name().toLowerCase(Locale.ROOT)
              + ", "
              + step.calls()
              + " calls, "
              + step.durationMillis()
              + " ms"
              + (step.error() != null ? ": " + clean(step.error().message()) : ""));
    }
    out.flush();
  }

  private static void findings(PrintWriter out, Case model) {
    out.println();
    out.println("Findings:");
    if (model.findings().isEmpty()) {
      out.println("  (none)");
    }
    for (Finding finding : model.findings()) {
      out.println(
          "  " + finding.rank() + ". [" + finding.severity() + "] " + clean(finding.statement()));
    }
  }

  private static void missing(PrintWriter out, Case model) {
    if (model.missing().isEmpty()) {
      return;
    }
    out.println();
    out.println("Missing:");
    for (String line : model.missing()) {
      out.println("  - " + clean(line));
    }
  }

  /** Replaces control and bidirectional-control characters with '?' (line breaks with spaces). */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n' || cp == '\r' || cp == '\t') {
                clean.append(' ');
              } else if (Character.isISOControl(cp)
                  || (cp >= 0x202A && cp <= 0x202E)
                  || (cp >= 0x2066 && cp <= 0x2069)
                  || cp == 0x200E
                  || cp == 0x200F) {
                clean.append('?');
              } else {
                clean.appendCodePoint(cp);
              }
            });
    return clean.toString();
  }
}
