package dev.mci.cli.logs;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.MimecastClient;
import dev.mci.client.logs.ImpersonationLog;
import dev.mci.client.logs.ImpersonationLogQuery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mci logs impersonation}: Impersonation Protect detections. */
@Command(
    name = "impersonation",
    mixinStandardHelpOptions = true,
    description = {
      "Impersonation Protect log: inbound mail that looked like someone it was not.",
      "Default window: the last 24 hours."
    })
public final class LogsImpersonationCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin WindowOptions window;

  @Option(names = "--tagged-malicious", description = "Only rows tagged malicious.")
  boolean taggedMalicious;

  @Option(names = "--untagged", description = "Only rows not tagged malicious.")
  boolean untagged;

  @Option(
      names = "--search-field",
      paramLabel = "FIELD",
      description = "senderAddress, recipientAddress, subject, policy or all (default all).")
  String searchField;

  @Option(names = "--query", paramLabel = "TEXT", description = "Text to search for.")
  String query;

  @Option(
      names = "--identifier",
      paramLabel = "ID",
      split = ",",
      description = "Only rows where one of these fired, e.g. internal_user_name.")
  List<String> identifiers;

  @Option(
      names = "--action",
      paramLabel = "ACTION",
      split = ",",
      description = "Only rows with one of these actions, e.g. hold.")
  List<String> actions;

  @Option(names = "--oldest-first", description = "Oldest rows first (default newest first).")
  boolean oldestFirst;

  public LogsImpersonationCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (taggedMalicious && untagged) {
      throw new UserInputException("--tagged-malicious and --untagged exclude each other");
    }
    if (searchField != null && query == null) {
      throw new UserInputException("--search-field needs --query TEXT");
    }
    TimeWindow w = window.resolve("24h", context);
    ImpersonationLogQuery q =
        ImpersonationLogQuery.builder()
            .from(w.since())
            .to(w.until())
            .taggedMalicious(taggedMalicious ? Boolean.TRUE : untagged ? Boolean.FALSE : null)
            .search(query != null && searchField == null ? "all" : searchField, query)
            .identifiers(identifiers)
            .actions(actions)
            .oldestFirst(oldestFirst)
            .build();
    try (MimecastClient client = context.client()) {
      context
          .output()
          .rows(COLUMNS, Pull.rows(context, client.logs().impersonationLogs(q), "detections"));
    }
    return ExitCode.OK;
  }

  static final List<Column<ImpersonationLog>> COLUMNS =
      List.of(
          Column.of("eventTime", ImpersonationLog::eventTime),
          Column.of("sender", ImpersonationLog::senderAddress),
          Column.of("recipient", ImpersonationLog::recipientAddress),
          Column.of("hits", ImpersonationLog::hits),
          Column.of("identifiers", l -> String.join(";", l.identifiers())),
          Column.of("action", ImpersonationLog::action),
          Column.of("taggedMalicious", ImpersonationLog::taggedMalicious),
          Column.of("senderIp", ImpersonationLog::senderIpAddress),
          Column.of("subject", ImpersonationLog::subject),
          Column.of("messageId", ImpersonationLog::messageId));
}
