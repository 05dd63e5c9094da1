package dev.mci.cli.cases;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.events.StoreOption;
import dev.mci.cli.support.Column;
import dev.mci.investigate.cases.CaseSummary;
import dev.mci.investigate.cases.IndexedCase;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mci case list}: every case in the cases folder, newest first. With an event store (see
 * {@link CaseStores}) the cases it indexed are listed from its case index, and only the folders it
 * does not know are read (the merge rule is {@link dev.mci.investigate.cases.StoreCaseIndex}'s).
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the cases in the cases folder, newest first.",
      "Cases the event store's case index knows (--store, else the default store when it exists)"
          + " are listed from it; other case folders are read."
    })
public final class CaseListCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--case-dir",
      paramLabel = "DIR",
      description = "Cases folder (default: $MCI_CASES_DIR, else ./mci-cases).")
  Path caseDir;

  @Mixin StoreOption storeOption;

  @Spec CommandSpec spec;

  public CaseListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Path root = CasesRoot.resolve(context.environment(), caseDir);
    List<CaseSummary> cases =
        CaseLookup.index(storeOption, spec, context.environment(), root).list().stream()
            .map(IndexedCase::summary)
            .toList();
    context.output().rows(COLUMNS, cases);
    return ExitCode.OK;
  }

  static final List<Column<CaseSummary>> COLUMNS =
      List.of(
          Column.of("id", CaseSummary::id),
          Column.of("created", CaseSummary::createdAt),
          Column.of("type", s -> s.indicator().type().cliName()),
          Column.of("indicator", s -> s.indicator().value()),
          Column.of("status", s -> s.status().name().toLowerCase(Locale.ROOT)),
          Column.of("findings", CaseSummary::findings),
          Column.of("messages", CaseSummary::messages));
}
