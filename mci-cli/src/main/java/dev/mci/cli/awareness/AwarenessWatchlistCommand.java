package dev.mci.cli.awareness;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.client.MimecastClient;
import dev.mci.client.awareness.UserSearch;
import dev.mci.client.awareness.WatchlistEntry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mci awareness watchlist}: users on the watchlist and how often they were put there. */
@Command(
    name = "watchlist",
    mixinStandardHelpOptions = true,
    description =
        "Users on the Awareness Training watchlist and how many times they were put on it.")
public final class AwarenessWatchlistCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--department", paramLabel = "D", description = "Only this department.")
  String department;

  public AwarenessWatchlistCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<UserSearch> search = Users.department(department);
    try (MimecastClient client = context.client()) {
      context.output().rows(COLUMNS, client.awareness().watchlist(search));
    }
    return ExitCode.OK;
  }

  static final List<Column<WatchlistEntry>> COLUMNS =
      List.of(
          Column.of("email", WatchlistEntry::email),
          Column.of("name", WatchlistEntry::name),
          Column.of("department", WatchlistEntry::department),
          Column.of("watchlistCount", WatchlistEntry::watchlistCount),
          Column.of("state", WatchlistEntry::userState));
}
