package dev.mci.cli.urls;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.logs.Pull;
import dev.mci.cli.support.Column;
import dev.mci.client.MimecastClient;
import dev.mci.client.urls.ManagedUrl;
import dev.mci.client.urls.ManagedUrlQuery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mci urls managed}: the managed URL list (block and permit overrides). */
@Command(
    name = "managed",
    mixinStandardHelpOptions = true,
    description = "List the account's managed URLs: administrators' block and permit overrides.")
public final class UrlsManagedCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--filter",
      paramLabel = "TEXT",
      description = "Only entries whose domain or URL contains TEXT.")
  String filter;

  @Option(names = "--exact", description = "The domain or URL must equal --filter exactly.")
  boolean exact;

  public UrlsManagedCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (exact && filter == null) {
      throw new UserInputException("--exact needs --filter TEXT");
    }
    ManagedUrlQuery query =
        filter == null
            ? ManagedUrlQuery.all()
            : exact ? ManagedUrlQuery.exactly(filter) : ManagedUrlQuery.matching(filter);
    try (MimecastClient client = context.client()) {
      context
          .output()
          .rows(COLUMNS, Pull.rows(context, client.urls().managedUrls(query), "entries"));
    }
    return ExitCode.OK;
  }

  static final List<Column<ManagedUrl>> COLUMNS =
      List.of(
          Column.of("action", ManagedUrl::action),
          Column.of("matchType", ManagedUrl::matchType),
          Column.of("url", ManagedUrl::url),
          Column.of("comment", ManagedUrl::comment),
          Column.of("disableRewrite", ManagedUrl::disableRewrite),
          Column.of("id", ManagedUrl::id));
}
