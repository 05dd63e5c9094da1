package dev.mci.investigate.findings;

import dev.mci.investigate.cases.CaseData;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.Click;
import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.HoldRelease;
import dev.mci.investigate.cases.LocalEvent;
import dev.mci.investigate.cases.Relation;
import dev.mci.investigate.cases.TimelineEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Every dated event in the data, oldest first, in UTC. */
public final class TimelineBuilder {

  /**
   * Log types of the local event store that repeat what the timeline already shows from the API
   * (receipt and delivery of the located mail, clicks); their rows join the timeline only when
   * Mimecast acted against them.
   */
  private static final Set<String> SHOWN_FROM_THE_API =
      Set.of("receipt", "process", "delivery", "journal", "url protect");

  private TimelineBuilder() {}

  /** The timeline of the data. */
  public static List<TimelineEvent> build(CaseData data) {
    List<TimelineEvent> events = new ArrayList<>();
    for (Map.Entry<String, List<CaseMessage>> message :
        Facts.byMessage(data.messages()).entrySet()) {
      List<CaseMessage> copies = message.getValue();
      CaseMessage first = copies.get(0);
      if (first.received() == null) {
        continue;
      }
      int recipients = Facts.recipients(copies).size();
      events.add(
          new TimelineEvent(
              first.received(),
              "received",
              "'"
                  + first.subject()
                  + "' from "
                  + first.sender().address()
                  + " received for "
                  + Facts.plural(recipients, "recipient", "recipients")
                  + (first.relation() == Relation.LOCATED
                      ? ""
                      : " (" + label(first.relation()) + ")"),
              copies.stream().map(c -> EvidenceRef.message(c.id())).toList()));
    }
    for (HoldRelease hold : data.holds()) {
      EvidenceRef ref = new EvidenceRef("hold", hold.recipient() + " " + hold.heldAt());
      if (hold.heldAt() != null) {
        events.add(
            new TimelineEvent(
                hold.heldAt(),
                "held",
                "Copy for "
                    + hold.recipient()
                    + " held"
                    + (hold.reason() == null ? "" : " (" + hold.reason() + ")"),
                List.of(ref)));
      }
      if (hold.releasedAt() != null) {
        events.add(
            new TimelineEvent(
                hold.releasedAt(),
                "released",
                "Copy for "
                    + hold.recipient()
                    + " released by "
                    + (hold.releasedBy() == null ? "an administrator" : hold.releasedBy()),
                List.of(ref)));
      }
    }
    for (Click click : data.clicks()) {
      if (click.time() != null) {
        events.add(
            new TimelineEvent(
                click.time(),
                "click",
                click.user()
                    + " clicked "
                    + click.url()
                    + (click.action() == null ? "" : ": " + click.action())
                    + (click.userOverride() ? " (user override)" : ""),
                List.of(new EvidenceRef("click", click.user() + " " + click.time()))));
      }
    }
    for (LocalEvent row : data.localEvents()) {
      String type = row.logType() == null ? "" : row.logType().toLowerCase(Locale.ROOT);
      String acted = LocalEventsRule.actedAgainst(row);
      if (row.time() == null || (acted == null && SHOWN_FROM_THE_API.contains(type))) {
        continue;
      }
      events.add(
          new TimelineEvent(
              row.time(),
              "event-store",
              "Event store: "
                  + row.logType()
                  + (acted == null ? (row.action() == null ? "" : " " + row.action()) : " " + acted)
                  + (row.sender() == null ? "" : " from " + row.sender())
                  + (row.user() == null ? "" : " for " + row.user())
                  + (row.ip() == null ? "" : " (" + row.ip() + ")"),
              List.of(new EvidenceRef("event", String.valueOf(row.storeId())))));
    }
    events.sort(Comparator.comparing(TimelineEvent::time).thenComparing(TimelineEvent::kind));
    return events;
  }

  private static String label(Relation relation) {
    return switch (relation) {
      case SAME_SENDER -> "same sender";
      case SAME_SUBJECT -> "same subject";
      case SAME_HASH -> "same attachment";
      case SAME_URL -> "same URL";
      case LOCATED -> "located";
    };
  }
}
