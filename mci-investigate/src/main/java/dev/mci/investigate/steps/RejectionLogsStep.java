package dev.mci.investigate.steps;

import dev.mci.client.logs.LogsApi;
import dev.mci.client.logs.RejectionLog;
import dev.mci.client.logs.RejectionLogQuery;
import dev.mci.investigate.cases.CaseEvent;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepContext;
import dev.mci.investigate.engine.StepKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Playbook step 5 (rejections): what the gateway rejected from the located messages' senders or
 * sending IPs. Rejections are kept 7 days, so the window is clamped to that.
 */
public final class RejectionLogsStep implements Step<List<RejectionLog>> {

  /** The rejections. */
  public static final StepKey<List<RejectionLog>> KEY = StepKey.of("rejection-logs");

  @Override
  public StepKey<List<RejectionLog>> key() {
    return KEY;
  }

  @Override
  public String description() {
    return "rejection logs for the sender and IP";
  }

  @Override
  public List<StepKey<?>> needs() {
    return List.of(LocateMessagesStep.KEY);
  }

  @Override
  public Set<Capability> provides() {
    return EnumSet.of(Capability.REJECTION_LOGS);
  }

  @Override
  public List<RejectionLog> run(StepContext context) {
    List<CaseMessage> located = context.result(LocateMessagesStep.KEY);
    Set<String> senders = ImpersonationLogsStep.Senders.of(located);
    Set<String> ips = new HashSet<>();
    located.stream().map(CaseMessage::senderIp).filter(ip -> ip != null).forEach(ips::add);
    if (senders.isEmpty() && ips.isEmpty()) {
      return List.of();
    }
    Instant start =
        Windows.since(context.window(), context.clock().instant(), LogsApi.REJECTION_RETENTION);
    if (!start.isBefore(context.window().until())) {
      return List.of();
    }
    RejectionLogQuery query =
        RejectionLogQuery.builder().start(start).end(context.window().until()).build();
    List<RejectionLog> rows = new ArrayList<>();
    for (RejectionLog row : context.client().logs().rejections(query)) {
      if (senders.contains(ImpersonationLogsStep.Senders.lower(row.fromAddress()))
          || (row.ipAddress() != null && ips.contains(row.ipAddress().strip()))) {
        rows.add(row);
      }
    }
    context.evidence().saveJson("rejection-logs.json", rows, "rejections of the sender and IP");
    for (RejectionLog row : rows) {
      context
          .record()
          .event(
              new CaseEvent(
                  "rejection",
                  row.created(),
                  "Rejected "
                      + row.fromAddress()
                      + " from "
                      + row.ipAddress()
                      + " to "
                      + row.toAddress()
                      + ": "
                      + row.info(),
                  row.ipAddress(),
                  KEY.name()));
    }
    return rows;
  }
}
