package dev.mci.cli.logs;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.MimecastClient;
import dev.mci.client.logs.RejectionLog;
import dev.mci.client.logs.RejectionLogQuery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mci logs rejections}: messages the gateway rejected (7 days of history). */
@Command(
    name = "rejections",
    mixinStandardHelpOptions = true,
    description = {
      "Rejection log: messages Mimecast rejected, with the sending IP and the reason.",
      "Mimecast keeps only the last 7 days; an older --since is refused before any call.",
      "Default window: the last 24 hours."
    })
public final class LogsRejectionsCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin WindowOptions window;

  @Option(
      names = "--mailbox",
      paramLabel = "ADDRESS",
      description = "Only this recipient's rejections (default: every recipient).")
  String mailbox;

  @Option(
      names = "--search-by",
      paramLabel = "FIELD",
      description = "from, to, type, info, remoteIp or all; needs --query.")
  String searchBy;

  @Option(names = "--query", paramLabel = "TEXT", description = "Value to search for.")
  String query;

  public LogsRejectionsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (searchBy != null && query == null) {
      throw new UserInputException("--search-by needs --query TEXT");
    }
    TimeWindow w = window.resolve("24h", context);
    RejectionLogQuery q =
        RejectionLogQuery.builder()
            .start(w.since())
            .end(w.until())
            .mailbox(mailbox)
            .search(query != null && searchBy == null ? "all" : searchBy, query)
            .build();
    try (MimecastClient client = context.client()) {
      context.output().rows(COLUMNS, Pull.rows(context, client.logs().rejections(q), "rows"));
    }
    return ExitCode.OK;
  }

  static final List<Column<RejectionLog>> COLUMNS =
      List.of(
          Column.of("created", RejectionLog::created),
          Column.of("from", RejectionLog::fromAddress),
          Column.of("to", RejectionLog::toAddress),
          Column.of("ip", RejectionLog::ipAddress),
          Column.of("remoteName", RejectionLog::remoteName),
          Column.of("info", RejectionLog::info),
          Column.of("type", RejectionLog::type),
          Column.of("spamScore", RejectionLog::spamScore));
}
