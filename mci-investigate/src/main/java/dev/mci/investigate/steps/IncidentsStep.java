package dev.mci.investigate.steps;

import dev.mci.client.incidents.Incident;
import dev.mci.client.incidents.IncidentQuery;
import dev.mci.client.incidents.IncidentsApi;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.CaseAttachment;
import dev.mci.investigate.cases.CaseEvent;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Playbook step 5 (incidents): remediation incidents whose search criteria name one of the case's
 * messages, hashes, URLs or senders. Runs after the other evidence steps so it sees what they
 * found.
 */
public final class IncidentsStep implements Step<List<Incident>> {

  /** The incidents touching the case. */
  public static final StepKey<List<Incident>> KEY = StepKey.of("incidents");

  private final List<StepKey<?>> after;

  /**
   * @param after the steps whose findings (messages, hashes, URLs) the match uses
   */
  public IncidentsStep(List<StepKey<?>> after) {
    this.after = List.copyOf(after);
  }

  @Override
  public StepKey<List<Incident>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "remediation incidents touching the message, hash or URL";
  }

  @Override
  public List<StepKey<?>> needs() {
    return after;
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.INCIDENTS);
  }

  @Override
  public List<Incident> run(StepContext context) {
    Set<String> keys = new HashSet<>();
    keys.add(lower(context.indicator().value()));
    var data = context.record().snapshot();
    data.located()
        .forEach(
            m -> {
              keys.add(lower(m.id()));
              keys.add(lower(m.sender().address()));
            });
    data.attachments().stream().map(CaseAttachment::sha256).forEach(h -> keys.add(lower(h)));
    data.urls()
        .forEach(
            u -> {
              keys.add(lower(u.url()));
              keys.add(lower(u.rewritten()));
            });
    if (context.indicator().type() == IndicatorType.MESSAGE_ID_HEADER) {
      keys.add(lower(context.indicator().value()));
    }
    keys.remove("");
    Instant start =
        Windows.since(context.window(), context.clock().instant(), IncidentsApi.RETENTION);
    IncidentQuery query =
        IncidentQuery.builder().start(start).end(context.window().until()).build();
    List<Incident> touching = new ArrayList<>();
    for (Incident incident : context.client().incidents().find(query)) {
      if (touches(incident, keys)) {
        touching.add(incident);
      }
    }
    context.evidence().saveJson("incidents.json", touching, "remediation incidents of the case");
    for (Incident incident : touching) {
      context
          .record()
          .event(
              new CaseEvent(
                  "incident",
                  incident.created(),
                  "Remediation incident "
                      + incident.code()
                      + " ("
                      + incident.type()
                      + "): "
                      + incident.reason()
                      + "; "
                      + incident.successful()
                      + " of "
                      + incident.identified()
                      + " messages remediated",
                  incident.code(),
                  KEY.name()));
    }
    return touching;
  }

  private static boolean touches(Incident incident, Set<String> keys) {
    Incident.SearchCriteria c = incident.searchCriteria();
    if (c == null) {
      return false;
    }
    List<String> values = new ArrayList<>(c.messageIds());
    values.add(c.messageId());
    values.add(c.fileHash());
    values.add(c.url());
    values.add(c.from());
    return values.stream().map(IncidentsStep::lower).anyMatch(keys::contains);
  }

  private static String lower(String text) {
    return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
  }
}
