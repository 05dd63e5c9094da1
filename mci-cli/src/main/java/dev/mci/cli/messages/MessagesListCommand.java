package dev.mci.cli.messages;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.MimecastClient;
import dev.mci.client.messages.ListedMessage;
import dev.mci.client.messages.MessageListQuery;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mci messages list}: one mailbox's archived Inbox or Sent items. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List one mailbox's archived Inbox or Sent items in a time window, newest first.")
public final class MessagesListCommand implements Callable<Integer> {
  private final CliContext context;

  /** The folders, as users type them. */
  enum ViewOption {
    inbox,
    sent
  }

  @Option(
      names = "--mailbox",
      paramLabel = "ADDRESS",
      description = "The mailbox. Default: the API user's own.")
  String mailbox;

  @Option(
      names = "--view",
      paramLabel = "VIEW",
      description = "${COMPLETION-CANDIDATES}. Default: inbox.")
  ViewOption view = ViewOption.inbox;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description = "Start: ISO-8601 or relative. Default: 30d.")
  String since;

  @Option(names = "--until", paramLabel = "WHEN", description = "End. Default: now.")
  String until;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N messages. Default: 100.")
  Integer limit;

  @Option(names = "--all", description = "Fetch every message, page after page.")
  boolean all;

  public MessagesListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (limit != null && limit < 1) {
      throw new UserInputException("--limit must be at least 1, got " + limit);
    }
    TimeWindow window = TimeWindow.resolve(since, until, "30d", context.environment().clock());
    MessageListQuery query =
        MessageListQuery.inbox(mailbox)
            .withView(MessageListQuery.View.valueOf(view.name().toUpperCase(Locale.ROOT)))
            .between(window.since(), window.until());
    int max = all ? Integer.MAX_VALUE : limit != null ? limit : 100;
    List<ListedMessage> rows = new ArrayList<>();
    boolean more;
    try (MimecastClient client = context.client()) {
      Iterator<ListedMessage> results = client.messages().list(query).iterator();
      while (rows.size() < max && results.hasNext()) {
        rows.add(results.next());
      }
      more = rows.size() >= max && results.hasNext();
    }
    context.output().rows(COLUMNS, rows);
    if (more) {
      context
          .err()
          .println("mci: showing the first " + max + " messages; use --limit N or --all for more");
      context.err().flush();
    }
    return ExitCode.OK;
  }

  static final List<Column<ListedMessage>> COLUMNS =
      List.of(
          Column.of("received", ListedMessage::received),
          Column.of("from", m -> m.from() == null ? "" : m.from().emailAddress()),
          Column.of("to", m -> Texts.bare(m.to())),
          Column.of("subject", ListedMessage::subject),
          Column.of("attachments", ListedMessage::attachmentCount),
          Column.of("size", ListedMessage::size),
          Column.of("id", ListedMessage::id));
}
