package dev.mci.cli.messages;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.logs.Pull;
import dev.mci.cli.logs.WindowOptions;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.MimecastClient;
import dev.mci.client.logs.HeldMessage;
import dev.mci.client.logs.HeldMessageQuery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mci messages held}: the hold queue now (read only; MCI never releases or rejects). */
@Command(
    name = "held",
    mixinStandardHelpOptions = true,
    description = {
      "List the messages in the hold queue now, for every recipient (read only).",
      "How held messages left the queue, and who released them: mci logs releases."
    })
public final class MessagesHeldCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin WindowOptions window;

  @Option(
      names = "--search-by",
      paramLabel = "FIELD",
      description = "subject, sender, recipient, reasonCode, senderIP or all; needs --query.")
  String searchBy;

  @Option(names = "--query", paramLabel = "TEXT", description = "Value to search for.")
  String query;

  @Option(
      names = "--route",
      paramLabel = "ROUTE",
      description = "inbound, outbound, internal, external or all.")
  String route;

  @Option(
      names = "--held-group",
      paramLabel = "GROUP",
      description = "administrator, moderator or user.")
  String heldGroup;

  public MessagesHeldCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (searchBy != null && query == null) {
      throw new UserInputException("--search-by needs --query TEXT");
    }
    // Without --since/--until the whole queue is listed, as Mimecast does.
    TimeWindow w = window.resolveIfGiven("30d", context);
    HeldMessageQuery q =
        HeldMessageQuery.builder()
            .start(w == null ? null : w.since())
            .end(w == null ? null : w.until())
            .search(query != null && searchBy == null ? "all" : searchBy, query)
            .route(route)
            .heldGroup(heldGroup)
            .build();
    try (MimecastClient client = context.client()) {
      context
          .output()
          .rows(COLUMNS, Pull.rows(context, client.logs().heldMessages(q), "held messages"));
    }
    return ExitCode.OK;
  }

  static final List<Column<HeldMessage>> COLUMNS =
      List.of(
          Column.of("received", HeldMessage::dateReceived),
          Column.of("to", h -> h.to() == null ? null : h.to().emailAddress()),
          Column.of(
              "from",
              h ->
                  h.fromHeader() != null
                      ? h.fromHeader().emailAddress()
                      : h.from() == null ? null : h.from().emailAddress()),
          Column.of("route", HeldMessage::route),
          Column.of("reasonCode", HeldMessage::reasonCode),
          Column.of("policy", HeldMessage::policyInfo),
          Column.of("subject", HeldMessage::subject),
          Column.of("id", HeldMessage::id));
}
