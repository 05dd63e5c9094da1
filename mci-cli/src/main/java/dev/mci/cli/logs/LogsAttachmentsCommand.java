package dev.mci.cli.logs;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.MimecastClient;
import dev.mci.client.logs.AttachmentLog;
import dev.mci.client.logs.AttachmentLogQuery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mci logs attachments}: Attachment Protect verdicts. */
@Command(
    name = "attachments",
    mixinStandardHelpOptions = true,
    description = {
      "Attachment Protect log: sandbox verdicts with each file's SHA-256.",
      "Default window: the last 24 hours."
    })
public final class LogsAttachmentsCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin WindowOptions window;

  @Option(
      names = "--route",
      paramLabel = "ROUTE",
      description = "inbound, outbound, internal, external or all (default all).")
  String route;

  @Option(
      names = "--result",
      paramLabel = "RESULT",
      description = "safe, malicious, timeout, error, unsafe or all (default all).")
  String result;

  @Option(names = "--oldest-first", description = "Oldest rows first (default newest first).")
  boolean oldestFirst;

  public LogsAttachmentsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    TimeWindow w = window.resolve("24h", context);
    AttachmentLogQuery query =
        AttachmentLogQuery.builder()
            .from(w.since())
            .to(w.until())
            .route(route)
            .result(result)
            .oldestFirst(oldestFirst)
            .build();
    try (MimecastClient client = context.client()) {
      context
          .output()
          .rows(COLUMNS, Pull.rows(context, client.logs().attachmentLogs(query), "verdicts"));
    }
    return ExitCode.OK;
  }

  static final List<Column<AttachmentLog>> COLUMNS =
      List.of(
          Column.of("date", AttachmentLog::date),
          Column.of("recipient", AttachmentLog::recipientAddress),
          Column.of("sender", AttachmentLog::senderAddress),
          Column.of("fileName", AttachmentLog::fileName),
          Column.of("result", AttachmentLog::result),
          Column.of("action", AttachmentLog::actionTriggered),
          Column.of("sha256", AttachmentLog::fileHash),
          Column.of("subject", AttachmentLog::subject),
          Column.of("messageId", AttachmentLog::messageId));
}
