package dev.mci.cli.incidents;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.logs.Pull;
import dev.mci.cli.logs.WindowOptions;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.MimecastClient;
import dev.mci.client.incidents.Incident;
import dev.mci.client.incidents.IncidentQuery;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mci incidents find}. */
@Command(
    name = "find",
    mixinStandardHelpOptions = true,
    description = {
      "List remediation incidents, newest first (default: the last year, Mimecast's retention).",
    })
public final class IncidentsFindCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin WindowOptions window;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      split = ",",
      description = "manual, automatic, notify_only, restored (comma-separated).")
  List<String> types;

  public IncidentsFindCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    TimeWindow w = window.resolveIfGiven("365d", context);
    IncidentQuery query =
        IncidentQuery.builder()
            .start(w == null ? null : w.since())
            .end(w == null ? null : w.until())
            .types(types == null ? null : new LinkedHashSet<>(types))
            .build();
    try (MimecastClient client = context.client()) {
      context
          .output()
          .rows(COLUMNS, Pull.rows(context, client.incidents().find(query), "incidents"));
    }
    return ExitCode.OK;
  }

  static final List<Column<Incident>> COLUMNS =
      List.of(
          Column.of("created", Incident::created),
          Column.of("code", Incident::code),
          Column.of("type", Incident::type),
          Column.of("identified", Incident::identified),
          Column.of("successful", Incident::successful),
          Column.of("failed", Incident::failed),
          Column.of("restored", Incident::restored),
          Column.of("reason", Incident::reason),
          Column.of("id", Incident::id));

  /** One incident in full, for {@code incidents get}. */
  static final List<Column<Incident>> DETAIL =
      List.of(
          Column.of("id", Incident::id),
          Column.of("code", Incident::code),
          Column.of("type", Incident::type),
          Column.of("reason", Incident::reason),
          Column.of("created", Incident::created),
          Column.of("modified", Incident::modified),
          Column.of("identified", Incident::identified),
          Column.of("successful", Incident::successful),
          Column.of("failed", Incident::failed),
          Column.of("restored", Incident::restored),
          Column.of("criteria.start", i -> criteria(i).start()),
          Column.of("criteria.end", i -> criteria(i).end()),
          Column.of("criteria.messageId", i -> criteria(i).messageId()),
          Column.of("criteria.fileHash", i -> criteria(i).fileHash()),
          Column.of("criteria.url", i -> criteria(i).url()),
          Column.of("criteria.from", i -> criteria(i).from()),
          Column.of("criteria.to", i -> criteria(i).to()),
          Column.of("unremediateCode", i -> criteria(i).unremediateCode()),
          Column.of("restoreCode", i -> criteria(i).restoreCode()));

  private static Incident.SearchCriteria criteria(Incident incident) {
    return incident.searchCriteria() != null
        ? incident.searchCriteria()
        : new Incident.SearchCriteria(null, null, null, null, null, null, null, null, null, null);
  }
}
