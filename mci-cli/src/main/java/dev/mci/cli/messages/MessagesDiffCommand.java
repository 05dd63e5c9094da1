package dev.mci.cli.messages;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.OutputFormat;
import dev.mci.client.MimecastClient;
import dev.mci.client.evidence.MessageChanges;
import dev.mci.client.evidence.MessageDiff;
import dev.mci.client.evidence.ParsedMessage;
import dev.mci.client.urls.DecodedUrl;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mci messages diff ID}: what Mimecast changed between receipt and delivery. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch the RECEIVED and DELIVERED copies of an archived message and report what Mimecast"
          + " changed: URLs rewritten (with their originals), text added (banners), attachments"
          + " removed or replaced, headers added.",
      "--decode also asks Mimecast to decode each rewritten URL, confirming its original."
    })
public final class MessagesDiffCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "ID", description = "Archive id.")
  String id;

  @Option(
      names = "--mailbox",
      paramLabel = "ADDRESS",
      description = "Whose delivered copy. Default: the first recipient.")
  String mailbox;

  @Option(
      names = "--decode",
      description = "Confirm each rewritten URL with URL Protect's decoder.")
  boolean decode;

  public MessagesDiffCommand(CliContext context) {
    this.context = context;
  }

  /** The JSON view: the changes plus what decode-url said, when asked. */
  record Report(String id, String mailbox, MessageChanges changes, Map<String, String> decoded) {}

  @Override
  public Integer call() {
    MessageChanges changes;
    String target;
    Map<String, String> decoded = new HashMap<>();
    try (MimecastClient client = context.client()) {
      target = Mailboxes.deliveredTo(client, id, mailbox);
      changes = MessageDiff.fetch(client.messages(), id, target);
      if (decode && !changes.rewrittenUrls().isEmpty()) {
        List<String> rewritten =
            changes.rewrittenUrls().stream().map(MessageChanges.UrlChange::delivered).toList();
        List<DecodedUrl> results = client.urls().decode(rewritten);
        for (DecodedUrl result : results) {
          decoded.put(result.input(), result.url().orElse("(not decoded)"));
        }
      }
    }
    if (context.format() != OutputFormat.TABLE) {
      context
          .output()
          .rows(
              List.of(),
              List.of(new Report(id, target, changes, decoded.isEmpty() ? null : decoded)));
      return ExitCode.OK;
    }
    PrintWriter out = context.out();
    out.println("Delivered copy of " + target);
    if (changes.contentUnchanged()) {
      out.println("The body and attachments reached the mailbox unchanged.");
    }
    List<UrlRow> urls = new ArrayList<>();
    for (MessageChanges.UrlChange change : changes.urls()) {
      urls.add(
          new UrlRow(
              change.rewritten() ? "rewritten" : change.original() == null ? "added" : "removed",
              change.original(),
              change.delivered(),
              decoded.get(change.delivered())));
    }
    out.println();
    out.println("URLs:");
    context.output().rows(decode ? URL_COLUMNS_DECODED : URL_COLUMNS, urls);
    out.println();
    out.println("Text added:");
    context.output().rows(TEXT_COLUMNS, changes.addedText());
    if (!changes.removedText().isEmpty()) {
      out.println();
      out.println("Text removed:");
      context.output().rows(TEXT_COLUMNS, changes.removedText());
    }
    out.println();
    out.println("Attachments:");
    context.output().rows(ATTACHMENT_COLUMNS, changes.attachments());
    out.println();
    out.println("Headers added:");
    context.output().rows(HEADER_COLUMNS, changes.addedHeaders());
    out.flush();
    return ExitCode.OK;
  }

  private record UrlRow(String change, String original, String delivered, String decoded) {}

  private static final List<Column<UrlRow>> URL_COLUMNS =
      List.of(
          Column.of("change", UrlRow::change),
          Column.of("original", UrlRow::original),
          Column.of("delivered", UrlRow::delivered));

  private static final List<Column<UrlRow>> URL_COLUMNS_DECODED =
      List.of(
          Column.of("change", UrlRow::change),
          Column.of("original", UrlRow::original),
          Column.of("delivered", UrlRow::delivered),
          Column.of("decoded by Mimecast", UrlRow::decoded));

  private static final List<Column<String>> TEXT_COLUMNS = List.of(Column.of("line", line -> line));

  private static final List<Column<MessageChanges.AttachmentChange>> ATTACHMENT_COLUMNS =
      List.of(
          Column.of("change", MessageChanges.AttachmentChange::action),
          Column.of("received", c -> c.received() == null ? "" : c.received().fileName()),
          Column.of("received sha256", c -> c.received() == null ? "" : c.received().sha256()),
          Column.of("delivered", c -> c.delivered() == null ? "" : c.delivered().fileName()),
          Column.of("delivered sha256", c -> c.delivered() == null ? "" : c.delivered().sha256()));

  private static final List<Column<ParsedMessage.Header>> HEADER_COLUMNS =
      List.of(
          Column.of("name", ParsedMessage.Header::name),
          Column.of("value", ParsedMessage.Header::value));
}
