package dev.mci.cli.logs;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.MimecastClient;
import dev.mci.client.logs.ReleaseLog;
import dev.mci.client.logs.ReleaseLogQuery;
import dev.mci.client.messages.EmailAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mci logs releases}: held messages released or rejected, and by whom. */
@Command(
    name = "releases",
    mixinStandardHelpOptions = true,
    description = {
      "Message release log: held messages that were released or rejected, by whom and when.",
      "Default window: the last 30 days."
    })
public final class LogsReleasesCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin WindowOptions window;

  @Option(
      names = "--search-by",
      paramLabel = "FIELD",
      description = "operator, from, to, subject, info, heldReason or all; needs --query.")
  String searchBy;

  @Option(names = "--query", paramLabel = "TEXT", description = "Text to search for.")
  String query;

  @Option(names = "--status", paramLabel = "STATUS", description = "released or rejected.")
  String status;

  @Option(
      names = "--route",
      paramLabel = "ROUTE",
      description = "inbound, outbound, internal or all.")
  String route;

  @Option(
      names = "--attachments",
      arity = "1",
      paramLabel = "true|false",
      description = "Only messages with (true) or without (false) attachments.")
  Boolean attachments;

  public LogsReleasesCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (searchBy != null && query == null) {
      throw new UserInputException("--search-by needs --query TEXT");
    }
    TimeWindow w = window.resolve("30d", context);
    ReleaseLogQuery q =
        ReleaseLogQuery.builder()
            .start(w.since())
            .end(w.until())
            .search(query != null && searchBy == null ? "all" : searchBy, query)
            .status(status)
            .route(route)
            .attachments(attachments)
            .build();
    try (MimecastClient client = context.client()) {
      context.output().rows(COLUMNS, Pull.rows(context, client.logs().releaseLogs(q), "rows"));
    }
    return ExitCode.OK;
  }

  static final List<Column<ReleaseLog>> COLUMNS =
      List.of(
          Column.of("released", ReleaseLog::released),
          Column.of("status", ReleaseLog::status),
          Column.of("operator", ReleaseLog::operator),
          Column.of(
              "to",
              r ->
                  r.to().stream().map(EmailAddress::emailAddress).collect(Collectors.joining(";"))),
          Column.of("from", r -> r.fromHdr() == null ? null : r.fromHdr().emailAddress()),
          Column.of("heldReason", ReleaseLog::heldReason),
          Column.of("info", ReleaseLog::messageInfo),
          Column.of("rejectReason", ReleaseLog::rejectReason),
          Column.of("subject", ReleaseLog::subject));
}
