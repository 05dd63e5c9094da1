package dev.mci.cli.messages;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.MimecastClient;
import dev.mci.client.messages.ArchiveQuery;
import dev.mci.client.messages.ArchivedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mci messages archive-search}: the archive over the account's whole retention. */
@Command(
    name = "archive-search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the archive (the account's whole retention, not just 30 days) by text, subject,"
          + " body, sender, recipient, dates, attachments and mailbox.",
      "Text matching is Mimecast's loose relevance matching, not substring matching.",
      "--dry-run prints the XML query and sends nothing; --query-xml FILE sends your own XML.",
      "Searches the whole account (admin:true)."
    })
public final class MessagesArchiveSearchCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--text", paramLabel = "TEXT", description = "Words anywhere in the message.")
  String text;

  @Option(names = "--subject", paramLabel = "TEXT", description = "Words in the subject.")
  String subject;

  @Option(names = "--body", paramLabel = "TEXT", description = "Words in the body.")
  String body;

  @Option(
      names = "--from",
      paramLabel = "ADDRESS|DOMAIN",
      description = "Sender address, or a domain (which also matches its subdomains).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "ADDRESS|DOMAIN",
      description = "Recipient address or domain.")
  String to;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description = "Start: ISO-8601 or relative (24h, 90d). Default: 365d.")
  String since;

  @Option(names = "--until", paramLabel = "WHEN", description = "End. Default: now.")
  String until;

  @Option(
      names = "--range",
      paramLabel = "RANGE",
      description = "A named window instead of --since/--until: ${COMPLETION-CANDIDATES}.")
  ArchiveQuery.DateRange range;

  @Option(
      names = "--attachments",
      paramLabel = "KIND",
      description = "Attachment filter: ${COMPLETION-CANDIDATES}. Default: optional (no filter).")
  ArchiveQuery.Attachments attachments;

  @Option(
      names = "--attachment-text",
      paramLabel = "TEXT",
      description = "Words inside attachments.")
  String attachmentText;

  @Option(
      names = "--mailbox",
      paramLabel = "ADDRESS",
      description = "Only this mailbox (repeat for more). Default: the whole account.")
  List<String> mailboxes;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      description = "Rows per request, 1 to 500. Default: 25.")
  Integer pageSize;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N results. Default: 100.")
  Integer limit;

  @Option(names = "--all", description = "Fetch every result, page after page.")
  boolean all;

  @Option(names = "--dry-run", description = "Print the XML query and send nothing.")
  boolean dryRun;

  @Option(
      names = "--query-xml",
      paramLabel = "FILE",
      description = "Send the XML query in FILE as is (the criteria options are then not allowed).")
  String queryXml;

  public MessagesArchiveSearchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ArchiveQuery query = queryXml != null ? fromFile() : fromOptions();
    for (String warning : query.warnings()) {
      context.err().println("mci: warning: " + warning);
    }
    context.err().flush();
    if (dryRun) {
      context.out().println(query.xml());
      context.out().flush();
      return ExitCode.OK;
    }
    if (limit != null && limit < 1) {
      throw new UserInputException("--limit must be at least 1, got " + limit);
    }
    int max = all ? Integer.MAX_VALUE : limit != null ? limit : 100;
    List<ArchivedMessage> rows = new ArrayList<>();
    boolean more;
    try (MimecastClient client = context.client()) {
      Iterator<ArchivedMessage> results = client.messages().archiveSearch(query).iterator();
      while (rows.size() < max && results.hasNext()) {
        rows.add(results.next());
      }
      more = rows.size() >= max && results.hasNext();
    }
    context.output().rows(COLUMNS, rows);
    if (more) {
      context
          .err()
          .println("mci: showing the first " + max + " results; use --limit N or --all for more");
      context.err().flush();
    }
    return ExitCode.OK;
  }

  private ArchiveQuery fromFile() {
    if (text != null
        || subject != null
        || body != null
        || from != null
        || to != null
        || since != null
        || until != null
        || range != null
        || attachments != null
        || attachmentText != null
        || mailboxes != null
        || pageSize != null) {
      throw new UserInputException(
          "--query-xml sends your XML as it is: drop the criteria options (--text, --from, ...)"
              + " or drop --query-xml");
    }
    Path file = context.environment().workDir().resolve(queryXml);
    try {
      return ArchiveQuery.ofXml(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new UserInputException("--query-xml: no such file " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ArchiveQuery fromOptions() {
    ArchiveQuery.Builder builder =
        ArchiveQuery.builder()
            .text(text)
            .subject(subject)
            .body(body)
            .from(from)
            .to(to)
            .attachments(attachments)
            .attachmentText(attachmentText);
    if (range != null) {
      if (since != null || until != null) {
        throw new UserInputException("give either --range or --since/--until, not both");
      }
      builder.range(range);
    } else {
      TimeWindow window = TimeWindow.resolve(since, until, "365d", context.environment().clock());
      builder.start(window.since()).end(window.until());
    }
    if (mailboxes != null) {
      mailboxes.forEach(builder::mailbox);
    }
    if (pageSize != null) {
      builder.pageSize(pageSize);
    }
    return builder.build();
  }

  static final List<Column<ArchivedMessage>> COLUMNS =
      List.of(
          Column.of("received", ArchivedMessage::received),
          Column.of(
              "from",
              m -> m.displayFromAddress() != null ? m.displayFromAddress() : m.displayFrom()),
          Column.of("to", m -> m.to().isEmpty() ? m.displayTo() : Texts.bare(m.to())),
          Column.of("subject", ArchivedMessage::subject),
          Column.of("attachments", ArchivedMessage::attachmentCount),
          Column.of("size", ArchivedMessage::size),
          Column.of("id", ArchivedMessage::id));
}
