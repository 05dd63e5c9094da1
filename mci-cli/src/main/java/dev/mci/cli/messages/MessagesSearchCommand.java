package dev.mci.cli.messages;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.ApiFunctionException;
import dev.mci.client.MimecastClient;
import dev.mci.client.messages.EmailAddress;
import dev.mci.client.messages.MessageSearch;
import dev.mci.client.messages.Route;
import dev.mci.client.messages.TrackedEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mci messages search}: Message Finder (the last ~30 days) with every documented filter. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search Message Finder (about the last 30 days) by Message-ID, sender, recipient, subject,"
          + " sending IP, route or status.",
      "Older messages are only in the archive: use 'mci messages archive-search' for them."
    })
public final class MessagesSearchCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--message-id", paramLabel = "ID", description = "Internet Message-ID header.")
  String messageId;

  @Option(
      names = "--from",
      paramLabel = "ADDRESS|DOMAIN",
      description = "Sender address or domain.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "ADDRESS|DOMAIN",
      description = "Recipient address or domain.")
  String to;

  @Option(names = "--subject", paramLabel = "TEXT", description = "Subject text.")
  String subject;

  @Option(
      names = "--sender-ip",
      paramLabel = "IP",
      description = "Connecting (sending) IP address.")
  String senderIp;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "A URL in the message (accepted by Mimecast, not documented).")
  String url;

  @Option(names = "--route", paramLabel = "ROUTE", description = "${COMPLETION-CANDIDATES}")
  Route route;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      split = ",",
      description = "Delivery statuses, e.g. delivery,held,bounced,rejected,archived.")
  List<String> statuses;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description = "Start: ISO-8601 or relative (10m, 24h, 7d). Default: 24h.")
  String since;

  @Option(
      names = "--until",
      paramLabel = "WHEN",
      description = "End: ISO-8601 or relative. Default: now.")
  String until;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Search reason recorded by Mimecast.")
  String reason;

  @Option(
      names = "--all",
      description =
          "Fetch every match: Message Finder caps a call at 500 rows, so the window is split until"
              + " each part fits.")
  boolean all;

  public MessagesSearchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    TimeWindow window = TimeWindow.resolve(since, until, "24h", context.environment().clock());
    Instant oldest = context.environment().clock().instant().minus(Duration.ofDays(30));
    if (!window.since().isAfter(oldest)) {
      throw new UserInputException(tooOld(window.since()));
    }
    MessageSearch.Builder query = MessageSearch.builder().start(window.since()).end(window.until());
    if (messageId != null) {
      query.messageId(messageId);
    }
    if (from != null) {
      query.from(from);
    }
    if (to != null) {
      query.to(to);
    }
    if (subject != null) {
      query.subject(subject);
    }
    if (senderIp != null) {
      query.senderIp(senderIp);
    }
    if (url != null) {
      query.url(url);
    }
    if (route != null) {
      query.route(route);
    }
    if (statuses != null) {
      query.statuses(new java.util.LinkedHashSet<>(statuses));
    }
    if (reason != null) {
      query.searchReason(reason);
    }
    MessageSearch search = query.build();
    try (MimecastClient client = context.client()) {
      Iterable<TrackedEmail> rows =
          all ? client.messages().searchAll(search) : client.messages().search(search);
      context.output().rows(COLUMNS, rows);
    } catch (ApiFunctionException e) {
      // The server's own clock may draw the 30-day line a little differently from ours.
      if (e.errors().stream().anyMatch(error -> error.code().equals(TOO_OLD))) {
        throw new UserInputException(tooOld(window.since()), ExitCode.API_ERROR);
      }
      throw e;
    }
    return ExitCode.OK;
  }

  private static final String TOO_OLD = "err_track_and_trace_invalid_start_date";

  private static String tooOld(Instant since) {
    return "--since "
        + since
        + " is 30 days ago or more, and Message Finder only covers about the last 30 days. For"
        + " older messages search the archive: mci messages archive-search --since "
        + since
        + " (with --from, --to, --subject, ...)";
  }

  static final List<Column<TrackedEmail>> COLUMNS =
      List.of(
          Column.of("received", TrackedEmail::received),
          Column.of("status", TrackedEmail::status),
          Column.of("from", t -> address(t.fromHdr() != null ? t.fromHdr() : t.fromEnv())),
          Column.of(
              "to",
              t ->
                  t.to() == null
                      ? ""
                      : t.to().stream()
                          .map(MessagesSearchCommand::address)
                          .collect(Collectors.joining(";"))),
          Column.of("subject", TrackedEmail::subject),
          Column.of("senderIP", TrackedEmail::senderIp),
          Column.of("route", TrackedEmail::route),
          Column.of("spam", TrackedEmail::spamScore),
          Column.of("id", TrackedEmail::id));

  private static String address(EmailAddress address) {
    return address == null || address.emailAddress() == null ? "" : address.emailAddress();
  }
}
