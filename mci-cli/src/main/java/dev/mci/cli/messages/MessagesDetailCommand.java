package dev.mci.cli.messages;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.OutputFormat;
import dev.mci.client.MimecastClient;
import dev.mci.client.messages.MessageDetail;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mci messages detail ID}: the structured detail of an archived message. */
@Command(
    name = "detail",
    mixinStandardHelpOptions = true,
    description = {
      "Show an archived message's headers (Received chain, Authentication-Results), senders and"
          + " attachments with their SHA-256 and the ids 'mci attachments get' takes.",
      "ID is an archive id (from 'mci messages archive-search' or 'list')."
    })
public final class MessagesDetailCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "ID", description = "Archive id.")
  String id;

  @Option(
      names = "--context",
      paramLabel = "CONTEXT",
      description =
          "${COMPLETION-CANDIDATES}: the copy as received or as delivered. Default: delivered.")
  ContextOption contextOption = ContextOption.delivered;

  public MessagesDetailCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    MessageDetail detail;
    try (MimecastClient client = context.client()) {
      detail = client.messages().detail(id, contextOption.context());
    }
    context.output().single(COLUMNS, detail);
    if (context.format() == OutputFormat.TABLE) {
      PrintWriter out = context.out();
      List<HeaderLine> headers = new ArrayList<>();
      for (MessageDetail.Header header : detail.headers()) {
        header.values().forEach(value -> headers.add(new HeaderLine(header.name(), value)));
      }
      out.println();
      out.println("Headers:");
      context.output().rows(HEADER_COLUMNS, headers);
      out.println();
      out.println("Attachments:");
      context.output().rows(ATTACHMENT_COLUMNS, detail.attachments());
      out.flush();
    }
    return ExitCode.OK;
  }

  private record HeaderLine(String name, String value) {}

  private static final List<Column<HeaderLine>> HEADER_COLUMNS =
      List.of(Column.of("name", HeaderLine::name), Column.of("value", HeaderLine::value));

  static final List<Column<MessageDetail.Attachment>> ATTACHMENT_COLUMNS =
      List.of(
          Column.of("file name", MessageDetail.Attachment::fileName),
          Column.of("type", MessageDetail.Attachment::contentType),
          Column.of("size", MessageDetail.Attachment::size),
          Column.of("sha256", MessageDetail.Attachment::sha256),
          Column.of("id", MessageDetail.Attachment::id));

  static final List<Column<MessageDetail>> COLUMNS =
      List.of(
          Column.of("id", MessageDetail::id),
          Column.of("context", MessageDetail::context),
          Column.of("subject", MessageDetail::subject),
          Column.of("from", d -> Texts.address(d.from())),
          Column.of(
              "envelope from",
              d -> d.envelopeFrom() == null ? "" : d.envelopeFrom().emailAddress()),
          Column.of("reply-to", d -> Texts.address(d.replyTo())),
          Column.of("to", d -> Texts.addresses(d.to())),
          Column.of("cc", d -> Texts.addresses(d.cc())),
          Column.of("message-id", MessageDetail::messageId),
          Column.of("date", MessageDetail::headerDate),
          Column.of("received", MessageDetail::received),
          Column.of("size", MessageDetail::size),
          Column.of("status", MessageDetail::status),
          Column.of("preview", MessageDetail::bodyPreview));
}
