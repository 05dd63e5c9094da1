package dev.mci.investigate.steps;

import dev.mci.client.logs.ImpersonationLog;
import dev.mci.client.logs.ImpersonationLogQuery;
import dev.mci.investigate.cases.CaseEvent;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Playbook step 5 (impersonation): Impersonation Protect hits on the located messages' senders. */
public final class ImpersonationLogsStep implements Step<List<ImpersonationLog>> {

  /** The hits. */
  public static final StepKey<List<ImpersonationLog>> KEY = StepKey.of("impersonation-logs");

  @Override
  public StepKey<List<ImpersonationLog>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "Impersonation Protect logs of the sender";
  }

  @Override
  public List<StepKey<?>> needs() {
    return List.of(LocateMessagesStep.KEY);
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.IMPERSONATION_LOGS);
  }

  @Override
  public List<ImpersonationLog> run(StepContext context) {
    Set<String> senders = Senders.of(context.result(LocateMessagesStep.KEY));
    if (senders.isEmpty()) {
      return List.of();
    }
    ImpersonationLogQuery query =
        ImpersonationLogQuery.builder()
            .from(context.window().since())
            .to(context.window().until())
            .build();
    List<ImpersonationLog> rows = new ArrayList<>();
    for (ImpersonationLog row : context.client().logs().impersonationLogs(query)) {
      if (senders.contains(Senders.lower(row.senderAddress()))) {
        rows.add(row);
      }
    }
    context
        .evidence()
        .saveJson("impersonation-logs.json", rows, "Impersonation Protect rows of the sender");
    for (ImpersonationLog row : rows) {
      context
          .record()
          .event(
              new CaseEvent(
                  "impersonation",
                  row.eventTime(),
                  "Impersonation Protect "
                      + row.action()
                      + " ("
                      + row.definition()
                      + ", identifiers "
                      + String.join(", ", row.identifiers())
                      + ") for "
                      + row.recipientAddress(),
                  row.messageId(),
                  KEY.name()));
    }
    return rows;
  }

  /** The located messages' sender addresses, lower case. */
  static final class Senders {

    private Senders() {}

    static Set<String> of(List<CaseMessage> located) {
      Set<String> senders = new HashSet<>();
      for (CaseMessage m : located) {
        senders.add(lower(m.sender().address()));
        if (m.envelopeFrom() != null) {
          senders.add(lower(m.envelopeFrom().address()));
        }
      }
      senders.remove("");
      return senders;
    }

    static String lower(String text) {
      return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
  }
}
