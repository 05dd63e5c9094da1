package dev.mci.investigate.report;

import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.Click;
import dev.mci.investigate.cases.HoldRelease;
import dev.mci.investigate.cases.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The two inline SVG drawings of the HTML report. Every label goes through {@link Html}. */
final class SvgCharts {

  static final int MAX_RECIPIENTS_DRAWN = 60;
  private static final List<String> LANES = List.of("received", "held", "released", "click");
  private static final int WIDTH = 960;

  private SvgCharts() {}

  /** Events on a UTC time axis, one lane per kind; hovering a dot shows its summary. */
  static void timeline(Html html, List<TimelineEvent> events) {
    if (events.isEmpty()) {
      html.element("p", "No dated events.");
      return;
    }
    List<String> lanes = new ArrayList<>(LANES);
    for (TimelineEvent event : events) {
      if (!lanes.contains(event.kind())) {
        lanes.add(event.kind());
      }
    }
    Instant first = events.get(0).time();
    Instant last = events.get(events.size() - 1).time();
    if (!last.isAfter(first)) {
      first = first.minus(Duration.ofMinutes(30));
      last = last.plus(Duration.ofMinutes(30));
    }
    int left = 110;
    int right = WIDTH - 30;
    int laneHeight = 28;
    int height = 40 + lanes.size() * laneHeight + 40;
    html.open(
        "svg",
        "xmlns",
        "http://www.w3.org/2000/svg",
        "width",
        String.valueOf(WIDTH),
        "height",
        String.valueOf(height),
        "viewBox",
        "0 0 " + WIDTH + " " + height,
        "role",
        "img",
        "aria-label",
        "Timeline of " + events.size() + " events",
        "class",
        "timeline");
    html.element("title", "Timeline (UTC)");
    for (int lane = 0; lane < lanes.size(); lane++) {
      int y = 40 + lane * laneHeight;
      html.element(
          "text", lanes.get(lane), "x", "10", "y", String.valueOf(y + 4), "class", "label");
      html.empty(
          "line",
          "x1",
          String.valueOf(left),
          "y1",
          String.valueOf(y),
          "x2",
          String.valueOf(right),
          "y2",
          String.valueOf(y),
          "class",
          "lane");
    }
    int axis = 40 + lanes.size() * laneHeight;
    html.empty(
        "line",
        "x1",
        String.valueOf(left),
        "y1",
        String.valueOf(axis),
        "x2",
        String.valueOf(right),
        "y2",
        String.valueOf(axis),
        "class",
        "axis");
    html.element(
        "text",
        Texts.time(first),
        "x",
        String.valueOf(left),
        "y",
        String.valueOf(axis + 18),
        "class",
        "label");
    html.element(
        "text",
        Texts.time(last),
        "x",
        String.valueOf(right),
        "y",
        String.valueOf(axis + 18),
        "class",
        "label",
        "text-anchor",
        "end");
    double span = Duration.between(first, last).toMillis();
    for (TimelineEvent event : events) {
      double offset = Duration.between(first, event.time()).toMillis() / span;
      int x = left + (int) Math.round(offset * (right - left));
      int y = 40 + lanes.indexOf(event.kind()) * laneHeight;
      html.open(
          "circle",
          "cx",
          String.valueOf(x),
          "cy",
          String.valueOf(y),
          "r",
          "6",
          "class",
          "dot " + cssWord(event.kind()));
      html.element("title", Texts.time(event.time()) + ": " + event.summary());
      html.close("circle");
    }
    html.close("svg");
  }

  /**
   * The sender on the left, the recipients in the middle (red: clicked, orange: held), the clicked
   * URLs on the right, with one line per delivery and per click.
   */
  static void recipientsGraph(Html html, Case model) {
    List<CaseMessage> located = model.data().located();
    Set<String> senders = new LinkedHashSet<>();
    Set<String> recipients = new LinkedHashSet<>();
    for (CaseMessage copy : located) {
      senders.add(copy.sender().address());
      for (Address to : copy.to()) {
        recipients.add(to.address());
      }
    }
    if (recipients.isEmpty()) {
      html.element("p", "No recipients in the case.");
      return;
    }
    Map<String, List<Click>> clicksByUser = new LinkedHashMap<>();
    Set<String> urls = new LinkedHashSet<>();
    for (Click click : model.data().clicks()) {
      clicksByUser.computeIfAbsent(click.user(), u -> new ArrayList<>()).add(click);
      urls.add(click.url());
    }
    Set<String> held = new LinkedHashSet<>();
    for (HoldRelease hold : model.data().holds()) {
      held.add(hold.recipient());
    }
    List<String> drawn = new ArrayList<>(recipients);
    // Clicked and held recipients first, so they are drawn even when the list is cut.
    drawn.sort((a, b) -> Integer.compare(rank(b, clicksByUser, held), rank(a, clicksByUser, held)));
    int hidden = Math.max(0, drawn.size() - MAX_RECIPIENTS_DRAWN);
    drawn = drawn.subList(0, Math.min(drawn.size(), MAX_RECIPIENTS_DRAWN));

    int perColumn = 20;
    int rowHeight = 22;
    int columns = (drawn.size() + perColumn - 1) / perColumn;
    int rows = Math.min(perColumn, drawn.size());
    int recipientX = 300;
    int columnWidth = 230;
    int urlX = recipientX + columns * columnWidth + 40;
    int width = Math.max(WIDTH, urlX + 320);
    int height = 60 + Math.max(rows, Math.max(senders.size(), urls.size())) * rowHeight + 40;
    html.open(
        "svg",
        "xmlns",
        "http://www.w3.org/2000/svg",
        "width",
        String.valueOf(width),
        "height",
        String.valueOf(height),
        "viewBox",
        "0 0 " + width + " " + height,
        "role",
        "img",
        "aria-label",
        "Recipients and clicks",
        "class",
        "graph");
    html.element("title", "Recipients and clicks");

    Map<String, int[]> senderAt = new LinkedHashMap<>();
    int y = 50;
    for (String sender : senders) {
      senderAt.put(sender, new int[] {80, y});
      y += rowHeight;
    }
    Map<String, int[]> recipientAt = new LinkedHashMap<>();
    for (int i = 0; i < drawn.size(); i++) {
      recipientAt.put(
          drawn.get(i),
          new int[] {recipientX + (i / perColumn) * columnWidth, 50 + (i % perColumn) * rowHeight});
    }
    Map<String, int[]> urlAt = new LinkedHashMap<>();
    y = 50;
    for (String url : urls) {
      urlAt.put(url, new int[] {urlX, y});
      y += rowHeight;
    }
    // Edges first, nodes over them.
    for (CaseMessage copy : located) {
      int[] from = senderAt.get(copy.sender().address());
      for (Address to : copy.to()) {
        int[] at = recipientAt.get(to.address());
        if (from != null && at != null) {
          edge(html, from, at, "edge");
        }
      }
    }
    for (Map.Entry<String, List<Click>> entry : clicksByUser.entrySet()) {
      int[] from = recipientAt.get(entry.getKey());
      for (Click click : entry.getValue()) {
        int[] to = urlAt.get(click.url());
        if (from != null && to != null) {
          edge(html, from, to, "click-edge " + cssWord(click.action()));
        }
      }
    }
    for (Map.Entry<String, int[]> sender : senderAt.entrySet()) {
      node(html, sender.getValue(), "sender", sender.getKey(), "end");
    }
    for (Map.Entry<String, int[]> recipient : recipientAt.entrySet()) {
      String kind =
          clicksByUser.containsKey(recipient.getKey())
              ? "clicked"
              : held.contains(recipient.getKey()) ? "held" : "recipient";
      node(html, recipient.getValue(), kind, recipient.getKey(), "start");
    }
    for (Map.Entry<String, int[]> url : urlAt.entrySet()) {
      node(html, url.getValue(), "url", url.getKey(), "start");
    }
    if (hidden > 0) {
      html.element(
          "text",
          "+ " + hidden + " more recipients (see the table)",
          "x",
          String.valueOf(recipientX),
          "y",
          String.valueOf(height - 15),
          "class",
          "label");
    }
    html.element(
        "text", "sender", "x", "80", "y", "25", "class", "heading", "text-anchor", "middle");
    html.element(
        "text",
        "recipients (red: clicked, orange: held)",
        "x",
        String.valueOf(recipientX),
        "y",
        "25",
        "class",
        "heading");
    if (!urls.isEmpty()) {
      html.element(
          "text", "clicked URLs", "x", String.valueOf(urlX), "y", "25", "class", "heading");
    }
    html.close("svg");
  }

  private static int rank(String recipient, Map<String, List<Click>> clicks, Set<String> held) {
    return (clicks.containsKey(recipient) ? 2 : 0) + (held.contains(recipient) ? 1 : 0);
  }

  private static void edge(Html html, int[] from, int[] to, String css) {
    html.empty(
        "line",
        "x1",
        String.valueOf(from[0]),
        "y1",
        String.valueOf(from[1]),
        "x2",
        String.valueOf(to[0]),
        "y2",
        String.valueOf(to[1]),
        "class",
        css);
  }

  private static void node(Html html, int[] at, String kind, String label, String anchor) {
    html.open(
        "circle",
        "cx",
        String.valueOf(at[0]),
        "cy",
        String.valueOf(at[1]),
        "r",
        "6",
        "class",
        "node " + kind);
    html.element("title", kind + ": " + label);
    html.close("circle");
    int dx = anchor.equals("end") ? -10 : 10;
    html.element(
        "text",
        shorten(label),
        "x",
        String.valueOf(at[0] + dx),
        "y",
        String.valueOf(at[1] + 4),
        "class",
        "label",
        "text-anchor",
        anchor);
  }

  private static String shorten(String label) {
    return label.length() > 34 ? label.substring(0, 33) + "…" : label;
  }

  /** A CSS class word derived from data: lower-case letters and hyphens only. */
  static String cssWord(String value) {
    if (value == null) {
      return "other";
    }
    String word = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
    return word.isEmpty() || word.equals("-") ? "other" : word;
  }
}
