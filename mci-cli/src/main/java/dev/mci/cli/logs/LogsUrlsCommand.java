package dev.mci.cli.logs;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.MimecastClient;
import dev.mci.client.logs.UrlClick;
import dev.mci.client.logs.UrlLogQuery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mci logs urls}: URL Protect clicks. */
@Command(
    name = "urls",
    mixinStandardHelpOptions = true,
    description = {
      "URL Protect log: who clicked which rewritten link, and what URL Protect did.",
      "Default window: the last 24 hours."
    })
public final class LogsUrlsCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin WindowOptions window;

  @Option(
      names = "--route",
      paramLabel = "ROUTE",
      description = "inbound, outbound, internal or all (default all).")
  String route;

  @Option(
      names = "--scan-result",
      paramLabel = "RESULT",
      description = "clean, malicious or all (default all).")
  String scanResult;

  @Option(names = "--oldest-first", description = "Oldest rows first (default newest first).")
  boolean oldestFirst;

  public LogsUrlsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    TimeWindow w = window.resolve("24h", context);
    UrlLogQuery query =
        UrlLogQuery.builder()
            .from(w.since())
            .to(w.until())
            .route(route)
            .scanResult(scanResult)
            .oldestFirst(oldestFirst)
            .build();
    try (MimecastClient client = context.client()) {
      context.output().rows(COLUMNS, Pull.rows(context, client.logs().urlLogs(query), "clicks"));
    }
    return ExitCode.OK;
  }

  static final List<Column<UrlClick>> COLUMNS =
      List.of(
          Column.of("date", UrlClick::date),
          Column.of("user", UrlClick::userEmailAddress),
          Column.of("action", UrlClick::action),
          Column.of("scanResult", UrlClick::scanResult),
          Column.of("adminOverride", UrlClick::adminOverride),
          Column.of("userOverride", UrlClick::userOverride),
          Column.of("category", UrlClick::category),
          Column.of("url", UrlClick::url),
          Column.of("from", UrlClick::fromUserEmailAddress),
          Column.of("messageId", UrlClick::messageId));
}
