package dev.mci.cli.cases;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.investigate.cases.CaseSummary;
import dev.mci.investigate.cases.FileCaseIndex;
import dev.mci.investigate.cases.IndexedCase;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mci case list}: every case in the cases folder, newest first. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the cases in the cases folder, newest first.")
public final class CaseListCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--case-dir",
      paramLabel = "DIR",
      description = "Cases folder (default: $MCI_CASES_DIR, else ./mci-cases).")
  Path caseDir;

  public CaseListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Path root = CasesRoot.resolve(context.environment(), caseDir);
    List<CaseSummary> cases =
        new FileCaseIndex(root).list().stream().map(IndexedCase::summary).toList();
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
