package dev.mci.cli.messages;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.OutputFormat;
import dev.mci.client.MimecastClient;
import dev.mci.client.evidence.MessageReader;
import dev.mci.client.evidence.ParsedMessage;
import dev.mci.client.messages.EmailAddress;
import dev.mci.client.messages.MessageContext;
import dev.mci.client.messages.PartType;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mci messages show ID}: what the RFC 822 message says about itself. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Read an archived message as RFC 822 and summarise it: senders (From, Reply-To,"
          + " Return-Path), the Received chain, Authentication-Results, every URL in the text and"
          + " HTML bodies, and the attachments with their SHA-256. Nothing from the message is"
          + " opened, rendered or run; nothing is saved."
    })
public final class MessagesShowCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "ID", description = "Archive id.")
  String id;

  @Option(
      names = "--context",
      paramLabel = "CONTEXT",
      description = "${COMPLETION-CANDIDATES}. Default: received.")
  ContextOption contextOption = ContextOption.received;

  @Option(
      names = "--mailbox",
      paramLabel = "ADDRESS",
      description = "Whose delivered copy. Default: the first recipient.")
  String mailbox;

  public MessagesShowCommand(CliContext context) {
    this.context = context;
  }

  /** The summary without the bodies, for JSON output. */
  record Summary(
      String context,
      String subject,
      List<EmailAddress> from,
      List<EmailAddress> replyTo,
      String replyToMismatch,
      List<EmailAddress> to,
      List<EmailAddress> cc,
      String returnPath,
      String messageId,
      String date,
      List<ParsedMessage.ReceivedHop> received,
      List<ParsedMessage.AuthenticationResults> authenticationResults,
      List<ParsedMessage.BodyUrl> urls,
      List<ParsedMessage.Attachment> attachments,
      List<ParsedMessage.Header> headers) {

    static Summary of(MessageContext context, ParsedMessage m) {
      return new Summary(
          context.name(),
          m.subject(),
          m.from(),
          m.replyTo(),
          m.replyToMismatch().orElse(null),
          m.to(),
          m.cc(),
          m.returnPath(),
          m.messageId(),
          m.date(),
          m.received(),
          m.authenticationResults(),
          m.urls(),
          m.attachments(),
          m.headers());
    }
  }

  @Override
  public Integer call() {
    MessageContext messageContext = contextOption.context();
    ParsedMessage message;
    try (MimecastClient client = context.client()) {
      String target =
          messageContext == MessageContext.DELIVERED
              ? Mailboxes.deliveredTo(client, id, mailbox)
              : mailbox;
      message =
          MessageReader.read(client.messages().part(id, PartType.RFC822, messageContext, target));
    }
    Summary summary = Summary.of(messageContext, message);
    context.output().single(COLUMNS, summary);
    if (context.format() != OutputFormat.TABLE) {
      return ExitCode.OK;
    }
    PrintWriter out = context.out();
    List<Hop> hops = new ArrayList<>();
    for (int i = 0; i < message.received().size(); i++) {
      ParsedMessage.ReceivedHop hop = message.received().get(i);
      hops.add(new Hop(i + 1, hop.time(), hop.from(), hop.fromIp(), hop.by(), hop.with()));
    }
    section(out, "Received chain (newest first):");
    context.output().rows(HOP_COLUMNS, hops);
    List<Check> checks = new ArrayList<>();
    for (ParsedMessage.AuthenticationResults results : message.authenticationResults()) {
      for (ParsedMessage.Check check : results.checks()) {
        checks.add(
            new Check(
                results.server(),
                check.method(),
                check.result(),
                check.properties().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "))));
      }
    }
    section(out, "Authentication-Results:");
    context.output().rows(CHECK_COLUMNS, checks);
    section(out, "URLs in the bodies:");
    context.output().rows(URL_COLUMNS, message.urls());
    section(out, "Attachments:");
    context.output().rows(ATTACHMENT_COLUMNS, message.attachments());
    out.flush();
    return ExitCode.OK;
  }

  private static void section(PrintWriter out, String title) {
    out.println();
    out.println(title);
  }

  private record Hop(int hop, Instant time, String from, String ip, String by, String with) {}

  private record Check(String server, String method, String result, String properties) {}

  private static final List<Column<Hop>> HOP_COLUMNS =
      List.of(
          Column.of("#", Hop::hop),
          Column.of("time", Hop::time),
          Column.of("from", Hop::from),
          Column.of("ip", Hop::ip),
          Column.of("by", Hop::by),
          Column.of("with", Hop::with));

  private static final List<Column<Check>> CHECK_COLUMNS =
      List.of(
          Column.of("server", Check::server),
          Column.of("method", Check::method),
          Column.of("result", Check::result),
          Column.of("properties", Check::properties));

  private static final List<Column<ParsedMessage.BodyUrl>> URL_COLUMNS =
      List.of(
          Column.of("where", ParsedMessage.BodyUrl::source),
          Column.of("url", ParsedMessage.BodyUrl::url),
          Column.of("link text", ParsedMessage.BodyUrl::label));

  private static final List<Column<ParsedMessage.Attachment>> ATTACHMENT_COLUMNS =
      List.of(
          Column.of("file name", ParsedMessage.Attachment::fileName),
          Column.of("type", ParsedMessage.Attachment::contentType),
          Column.of("size", ParsedMessage.Attachment::size),
          Column.of("sha256", ParsedMessage.Attachment::sha256),
          Column.of("inline", a -> a.inline() ? "yes" : ""));

  private static final List<Column<Summary>> COLUMNS =
      List.of(
          Column.of("context", Summary::context),
          Column.of("subject", Summary::subject),
          Column.of("from", s -> Texts.addresses(s.from())),
          Column.of("reply-to", s -> Texts.addresses(s.replyTo())),
          Column.of(
              "reply-to check",
              s ->
                  s.replyToMismatch() == null
                      ? (s.replyTo().isEmpty() ? "" : "matches From")
                      : s.replyToMismatch()),
          Column.of("to", s -> Texts.addresses(s.to())),
          Column.of("cc", s -> Texts.addresses(s.cc())),
          Column.of("return-path", Summary::returnPath),
          Column.of("message-id", Summary::messageId),
          Column.of("date", Summary::date));
}
