package dev.mci.cli.cases;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.events.StoreOption;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseJson;
import dev.mci.investigate.cases.IndexedCase;
import dev.mci.investigate.export.CaseExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mci case show ID}: a stored case, as text or (with {@code --format json}) its model. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show a stored case: findings, what is missing, timeline and steps.",
      "--format json prints case.json; --format csv its messages."
    })
public final class CaseShowCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "ID", description = "Case id, or a unique start of one.")
  String id;

  @Option(
      names = "--case-dir",
      paramLabel = "DIR",
      description = "Cases folder (default: $MCI_CASES_DIR, else ./mci-cases).")
  Path caseDir;

  @Mixin StoreOption storeOption;

  @Spec CommandSpec spec;

  public CaseShowCommand(CliContext context) {
    this.context = context;
  }

  private static String compact(Case model) {
    try {
      return CaseJson.MAPPER.writeValueAsString(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Integer call() {
    Path root = CasesRoot.resolve(context.environment(), caseDir);
    IndexedCase indexed =
        CaseLookup.find(CaseLookup.index(storeOption, spec, context.environment(), root), root, id);
    Case model = CaseLookup.open(indexed);
    switch (context.format()) {
      case JSON -> context.out().print(CaseExport.JSON.render(model));
      case NDJSON -> context.out().println(compact(model));
      case CSV -> context.out().print(CaseExport.CSV.render(model));
      case TABLE -> CaseText.details(context.out(), model, indexed.folder());
    }
    context.out().flush();
    return ExitCode.OK;
  }
}
