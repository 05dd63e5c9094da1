package dev.mci.cli.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.events.StoreOption;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.Json;
import dev.mci.cli.support.TimeWindow;
import dev.mci.store.EventStore;
import dev.mci.store.HuntKind;
import dev.mci.store.HuntQuery;
import dev.mci.store.HuntResult;
import dev.mci.store.HuntRow;
import dev.mci.store.StoreException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The shared part of the canned hunts: one indicator, looked up in every stored log type, newest
 * first, with the usual {@code --format}.
 */
abstract class CannedHunt implements Callable<Integer> {

  /** One event found, as printed. */
  public record HuntHit(
      Instant time,
      String type,
      String source,
      String action,
      String sender,
      String headerFrom,
      String user,
      String ip,
      String domain,
      String sha256,
      String subject,
      String messageId,
      String aggregateId,
      JsonNode event) {}

  static final List<Column<HuntHit>> COLUMNS =
      List.of(
          Column.of("time", HuntHit::time),
          Column.of("type", HuntHit::type),
          Column.of("action", HuntHit::action),
          Column.of("sender", HuntHit::sender),
          Column.of("user", HuntHit::user),
          Column.of("ip", HuntHit::ip),
          Column.of("domain", HuntHit::domain),
          Column.of("subject", HuntHit::subject));

  private final CliContext context;

  @Mixin StoreOption storeOption;

  @Parameters(index = "0", paramLabel = "VALUE", description = "The indicator to look for.")
  String value;

  @Option(names = "--since", paramLabel = "WHEN", description = "Only events at or after this.")
  String since;

  @Option(names = "--until", paramLabel = "WHEN", description = "Only events before this.")
  String until;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Show at most N events, newest first (default: 1000; 0 shows all).")
  int limit = 1_000;

  CannedHunt(CliContext context) {
    this.context = context;
  }

  /** What this hunt looks for. */
  abstract HuntKind kind();

  /** Checks the indicator; throws {@link UserInputException} naming the problem. */
  abstract void validate(String indicator);

  @Override
  public Integer call() {
    String indicator = value.strip();
    validate(indicator);
    if (limit < 0) {
      throw new UserInputException("--limit must be 0 (all) or more, got " + limit);
    }
    Instant now = context.environment().clock().instant();
    Instant from = since == null ? null : TimeWindow.parse("--since", since, now);
    Instant to = until == null ? null : TimeWindow.parse("--until", until, now);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new UserInputException("--since (" + from + ") is not before --until (" + to + ")");
    }
    try (EventStore store = EventStore.openReadOnly(storeOption.location(context.environment()))) {
      HuntResult result = store.hunt(new HuntQuery(kind(), indicator, from, to, limit));
      context.output().rows(COLUMNS, result.rows().stream().map(CannedHunt::hit).toList());
      if (result.truncated()) {
        context
            .err()
            .printf(
                "mci: showing the newest %,d of %,d matching events; --limit 0 shows all%n",
                result.rows().size(), result.total());
      } else if (result.rows().isEmpty()) {
        context.err().println("mci: no stored event matches " + indicator);
      }
      context.err().flush();
      return ExitCode.OK;
    } catch (StoreException e) {
      throw StoreOption.problem(e);
    }
  }

  private static HuntHit hit(HuntRow row) {
    JsonNode event;
    try {
      event = Json.MAPPER.readTree(row.raw());
    } catch (IOException notJson) {
      event = Json.MAPPER.getNodeFactory().textNode(row.raw());
    }
    return new HuntHit(
        row.time(),
        row.logType(),
        row.source(),
        row.action(),
        row.sender(),
        row.senderAlt(),
        row.user(),
        row.ip(),
        row.domain(),
        row.sha256(),
        row.subject(),
        row.messageId(),
        row.aggregateId(),
        event);
  }

  /** Whether {@code text} looks like an e-mail address. */
  static boolean isAddress(String text) {
    int at = text.indexOf('@');
    return at > 0 && at == text.lastIndexOf('@') && at < text.length() - 1 && !text.contains(" ");
  }
}
