package dev.mci.investigate.report;

import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseAttachment;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseUrl;
import dev.mci.investigate.cases.Click;
import dev.mci.investigate.cases.EvidenceFile;
import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.Finding;
import dev.mci.investigate.cases.HoldRelease;
import dev.mci.investigate.cases.LocalEvent;
import dev.mci.investigate.cases.LocalEventHunt;
import dev.mci.investigate.cases.StepReport;
import dev.mci.investigate.cases.TimelineEvent;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page. No scripts, no external resources (a
 * Content-Security-Policy forbids both), every value escaped, URLs shown as text and never as
 * links; the timeline and the recipients/clicks graph are inline SVG.
 */
public final class HtmlReport {

  private static final String STYLE =
      "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}"
          + "h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:2em}"
          + "table{border-collapse:collapse;width:100%;margin:.5em 0}"
          + "th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}"
          + "th{background:#f4f4f4}code{font-size:12px;word-break:break-all}"
          + ".HIGH{color:#b00020;font-weight:bold}.MEDIUM{color:#a85d00}.INFO{color:#555}"
          + ".partial{background:#fff4e5;border:1px solid #f0b060;padding:.5em 1em}"
          + ".complete{background:#eaf7ea;border:1px solid #8c8;padding:.5em 1em}"
          + "svg{border:1px solid #eee;margin:.5em 0;max-width:100%;height:auto}"
          + "svg .label{font-size:11px;fill:#333}svg .heading{font-size:12px;font-weight:bold}"
          + "svg .lane{stroke:#eee}svg .axis{stroke:#999}"
          + "svg .dot{fill:#3366cc}svg .dot.held{fill:#e08a00}svg .dot.released{fill:#7a3fb0}"
          + "svg .dot.click{fill:#c62828}svg .edge{stroke:#ccd}"
          + "svg .click-edge{stroke:#c62828;stroke-width:2}svg .click-edge.block{stroke:#2e7d32}"
          + "svg .node{fill:#3366cc}svg .node.sender{fill:#333}svg .node.clicked{fill:#c62828}"
          + "svg .node.held{fill:#e08a00}svg .node.url{fill:#7a3fb0}";

  private HtmlReport() {}

  /** The report of a case. */
  public static String render(Case model) {
    Html html = new Html();
    html.constant("<!DOCTYPE html>").newline();
    html.open("html", "lang", "en").newline();
    html.open("head");
    html.empty("meta", "charset", "utf-8");
    // Belt and braces: even if a value escaped the escaping, the browser would run nothing.
    html.empty(
        "meta",
        "http-equiv",
        "Content-Security-Policy",
        "content",
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    html.empty("meta", "name", "referrer", "content", "no-referrer");
    html.element("title", "MCI case " + model.id());
    html.constant("<style>" + STYLE + "</style>");
    html.close("head").newline();
    html.open("body");
    html.element("h1", "MCI case " + model.id());
    summary(html, model);
    findings(html, model.findings());
    missing(html, model);
    html.element("h2", "Timeline (UTC)");
    SvgCharts.timeline(html, model.timeline());
    timelineTable(html, model.timeline());
    html.element("h2", "Recipients and clicks");
    SvgCharts.recipientsGraph(html, model);
    messages(html, "Located messages", model.data().located());
    messages(html, "Blast radius", model.data().related());
    urls(html, model.data().urls());
    attachments(html, model.data().attachments());
    clicks(html, model.data().clicks());
    holds(html, model.data().holds());
    localEvents(html, model.data().localEventHunts(), model.data().localEvents());
    steps(html, model.steps());
    evidence(html, model.evidence());
    html.open("p")
        .text(
            "Written by MCI. Every API call is listed in audit.ndjson; evidence hashes are in evidence/SHA256SUMS.")
        .close("p");
    html.close("body").newline().close("html").newline();
    return html.toString();
  }

  private static void summary(Html html, Case model) {
    html.open("table");
    row(html, "Indicator", model.indicator().value());
    row(html, "Type", model.indicator().type().description());
    row(
        html,
        "Window",
        Texts.time(model.window().since()) + " to " + Texts.time(model.window().until()));
    row(html, "Started", Texts.time(model.createdAt()));
    row(html, "Completed", Texts.time(model.completedAt()));
    row(html, "Status", model.status().name().toLowerCase(Locale.ROOT));
    row(html, "API calls", model.apiCalls());
    row(html, "Internal domains", String.join(", ", model.data().internalDomains()));
    html.close("table");
  }

  private static void row(Html html, String name, Object value) {
    html.open("tr").element("th", name).element("td", value).close("tr");
  }

  private static void findings(Html html, List<Finding> findings) {
    html.element("h2", "Findings");
    if (findings.isEmpty()) {
      html.element("p", "No findings.");
      return;
    }
    html.open("ol");
    for (Finding finding : findings) {
      html.open("li");
      html.element("span", finding.severity().name(), "class", finding.severity().name());
      html.text(" " + finding.statement());
      if (!finding.evidence().isEmpty()) {
        html.open("br").open("small").text("evidence: ");
        html.element("code", refs(finding.evidence()));
        html.close("small");
      }
      html.close("li");
    }
    html.close("ol");
  }

  private static String refs(List<EvidenceRef> refs) {
    return refs.stream().map(EvidenceRef::toString).collect(Collectors.joining(", "));
  }

  private static void missing(Html html, Case model) {
    html.element("h2", "What is missing");
    if (model.missing().isEmpty()) {
      html.element(
          "p", "Nothing: every part of the playbook ran and succeeded.", "class", "complete");
      return;
    }
    html.open("div", "class", model.incompleteSteps().isEmpty() ? "complete" : "partial");
    html.open("ul");
    for (String line : model.missing()) {
      html.element("li", line);
    }
    html.close("ul").close("div");
  }

  private static void timelineTable(Html html, List<TimelineEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    html.table("time (UTC)", "event", "what");
    for (TimelineEvent event : events) {
      html.open("tr")
          .element("td", Texts.time(event.time()))
          .element("td", event.kind())
          .element("td", event.summary())
          .close("tr");
    }
    html.close("table");
  }

  private static void messages(Html html, String title, List<CaseMessage> copies) {
    html.element("h2", title + " (" + copies.size() + ")");
    if (copies.isEmpty()) {
      html.element("p", "None.");
      return;
    }
    html.table("received (UTC)", "status", "from", "to", "subject", "sending IP", "relation", "id");
    for (CaseMessage copy : copies) {
      html.open("tr")
          .element("td", Texts.time(copy.received()))
          .element("td", copy.status())
          .element("td", display(copy.sender()))
          .element("td", copy.to().stream().map(Address::address).collect(Collectors.joining(", ")))
          .element("td", copy.subject())
          .element("td", copy.senderIp())
          .element("td", copy.relation().name().toLowerCase(Locale.ROOT))
          .open("td")
          .element("code", copy.id())
          .close("td")
          .close("tr");
    }
    html.close("table");
  }

  private static String display(Address address) {
    return address.displayName() == null || address.displayName().isBlank()
        ? address.address()
        : address.displayName() + " <" + address.address() + ">";
  }

  private static void urls(Html html, List<CaseUrl> urls) {
    if (urls.isEmpty()) {
      return;
    }
    html.element("h2", "URLs (shown as text, never as links)");
    html.table("URL", "rewritten form", "category", "note");
    for (CaseUrl url : urls) {
      html.open("tr")
          .open("td")
          .element("code", url.url())
          .close("td")
          .open("td")
          .element("code", Texts.orEmpty(url.rewritten()))
          .close("td")
          .element("td", Texts.orEmpty(url.category()))
          .element(
              "td",
              url.decodeError() != null
                  ? "not decoded: " + url.decodeError()
                  : Boolean.TRUE.equals(url.malicious()) ? "malicious" : "")
          .close("tr");
    }
    html.close("table");
  }

  /** Playbook step 9: the hunts of the local event store and the rows kept (all text escaped). */
  private static void localEvents(Html html, List<LocalEventHunt> hunts, List<LocalEvent> rows) {
    if (hunts.isEmpty()) {
      return;
    }
    html.element("h2", "Local event store");
    html.table("hunted", "value", "as", "events in the window", "kept");
    for (LocalEventHunt hunt : hunts) {
      html.open("tr")
          .element("td", hunt.kind())
          .open("td")
          .element("code", hunt.value())
          .close("td")
          .element("td", hunt.role())
          .element("td", hunt.total())
          .element("td", hunt.related())
          .close("tr");
    }
    html.close("table");
    if (rows.isEmpty()) {
      return;
    }
    html.table("time (UTC)", "log type", "action", "sender", "user", "IP", "subject", "matched");
    for (LocalEvent row : rows) {
      html.open("tr")
          .element("td", Texts.time(row.time()))
          .element("td", Texts.orEmpty(row.logType()))
          .element("td", Texts.orEmpty(row.action()))
          .element("td", Texts.orEmpty(row.sender()))
          .element("td", Texts.orEmpty(row.user()))
          .element("td", Texts.orEmpty(row.ip()))
          .element("td", Texts.orEmpty(row.subject()))
          .element("td", String.join(", ", row.matched()))
          .close("tr");
    }
    html.close("table");
  }

  private static void attachments(Html html, List<CaseAttachment> attachments) {
    if (attachments.isEmpty()) {
      return;
    }
    html.element("h2", "Attachments");
    html.table("file name", "SHA-256", "size", "other messages", "verdict");
    for (CaseAttachment attachment : attachments) {
      html.open("tr")
          .element("td", attachment.fileName())
          .open("td")
          .element("code", attachment.sha256())
          .close("td")
          .element("td", Texts.orEmpty(attachment.size()))
          .element("td", Texts.orEmpty(attachment.otherMessages()))
          .element("td", Texts.orEmpty(attachment.verdict()))
          .close("tr");
    }
    html.close("table");
  }

  private static void clicks(Html html, List<Click> clicks) {
    if (clicks.isEmpty()) {
      return;
    }
    html.element("h2", "Clicks");
    html.table("time (UTC)", "user", "URL", "action", "user override");
    for (Click click : clicks) {
      html.open("tr")
          .element("td", Texts.time(click.time()))
          .element("td", click.user())
          .open("td")
          .element("code", click.url())
          .close("td")
          .element("td", Texts.orEmpty(click.action()))
          .element("td", click.userOverride() ? "yes" : "no")
          .close("tr");
    }
    html.close("table");
  }

  private static void holds(Html html, List<HoldRelease> holds) {
    if (holds.isEmpty()) {
      return;
    }
    html.element("h2", "Held and released");
    html.table("recipient", "held (UTC)", "reason", "released (UTC)", "by");
    for (HoldRelease hold : holds) {
      html.open("tr")
          .element("td", hold.recipient())
          .element("td", Texts.time(hold.heldAt()))
          .element("td", Texts.orEmpty(hold.reason()))
          .element("td", Texts.time(hold.releasedAt()))
          .element("td", Texts.orEmpty(hold.releasedBy()))
          .close("tr");
    }
    html.close("table");
  }

  private static void steps(Html html, List<StepReport> steps) {
    html.element("h2", "Steps");
    html.table("step", "what it does", "status", "ms", "calls", "request ids", "error");
    for (StepReport step : steps) {
      html.open("tr")
          .element("td", step.name())
          .element("td", step.description())
          .element("td", step.status().name().toLowerCase(Locale.ROOT))
          .element("td", step.durationMillis())
          .element("td", step.calls())
          .open("td")
          .element("code", String.join(" ", step.requestIds()))
          .close("td")
          .element(
              "td",
              step.error() != null
                  ? step.error().message()
                  : step.skippedBecause() != null
                      ? "skipped: " + step.skippedBecause() + " did not succeed"
                      : "")
          .close("tr");
    }
    html.close("table");
  }

  private static void evidence(Html html, List<EvidenceFile> files) {
    html.element("h2", "Evidence");
    if (files.isEmpty()) {
      html.element("p", "No evidence files.");
      return;
    }
    html.table("file", "SHA-256", "bytes", "what");
    for (EvidenceFile file : files) {
      html.open("tr")
          .open("td")
          .element("code", file.path())
          .close("td")
          .open("td")
          .element("code", file.sha256())
          .close("td")
          .element("td", file.bytes())
          .element("td", file.description())
          .close("tr");
    }
    html.close("table");
  }
}
