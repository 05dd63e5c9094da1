package dev.mci.cli.investigate;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.cases.CaseStores;
import dev.mci.cli.cases.CaseText;
import dev.mci.cli.cases.CasesRoot;
import dev.mci.cli.events.StoreOption;
import dev.mci.cli.support.ClientSettings;
import dev.mci.cli.support.Json;
import dev.mci.cli.support.OutputFormat;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.MimecastClient;
import dev.mci.investigate.AmbiguousIndicatorException;
import dev.mci.investigate.CaseException;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.Investigation;
import dev.mci.investigate.InvestigationOptions;
import dev.mci.investigate.UnrecognisedIndicatorException;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseFolder;
import dev.mci.investigate.cases.CaseStatus;
import dev.mci.store.StoreLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mci investigate INDICATOR}: one indicator in, a complete case out. A thin layer over
 * {@link Investigation}: it resolves settings, runs the library, prints the findings and the case's
 * path, and exits 0 when the case is complete, 3 when part of it is missing.
 */
@Command(
    name = "investigate",
    mixinStandardHelpOptions = true,
    description = {
      "Investigate one indicator and write a case folder: case.json, report.md, report.html,"
          + " evidence/ with SHA256SUMS, audit.ndjson.",
      "INDICATOR: a Message-ID (<id@host>), a Mimecast message id, a sender or user address, a"
          + " sender domain, a sending IP, a SHA-256, a URL or a rewritten URL; the type is detected"
          + " unless --type is given.",
      "The local event store (--store, else the default store when it exists) is searched for"
          + " the case's values and records the case in its case index; it is never created here.",
      "Exit code 0: complete; 3: partial (the case says what is missing)."
    })
public final class InvestigateCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "INDICATOR", description = "What to investigate.")
  String indicator;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      completionCandidates = TypeNames.class,
      description = "The indicator's type, when detection cannot tell: ${COMPLETION-CANDIDATES}.")
  String type;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "Start: ISO-8601 or relative (10m, 24h, 7d). Default: 29d (Message Finder's reach).")
  String since;

  @Option(names = "--until", paramLabel = "WHEN", description = "End. Default: now.")
  String until;

  @Option(
      names = "--case-dir",
      paramLabel = "DIR",
      description = "Cases folder (default: $MCI_CASES_DIR, else ./mci-cases).")
  Path caseDir;

  @Mixin StoreOption storeOption;

  @Spec CommandSpec spec;

  public InvestigateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    TimeWindow window = TimeWindow.resolve(since, until, "29d", context.environment().clock());
    Path root = CasesRoot.resolve(context.environment(), caseDir);
    ClientSettings settings = ClientSettings.resolve(context.environment(), context.profile());
    Optional<StoreLocation> store =
        CaseStores.resolve(
            storeOption,
            spec.commandLine().getParseResult().hasMatchedOption("--store"),
            context.environment());
    InvestigationOptions options =
        InvestigationOptions.builder()
            .client(
                MimecastClient.builder()
                    .baseUrl(settings.baseUrl())
                    .credentials(settings.credentials()))
            .casesRoot(root)
            .since(window.since())
            .until(window.until())
            .clock(context.environment().clock())
            .eventStore(store.orElse(null))
            .index(store.isPresent() ? CaseStores.index(store, root) : null)
            .build();
    Case model = run(options);
    report(model, root.resolve(model.id()));
    return model.status() == CaseStatus.COMPLETE ? ExitCode.OK : ExitCode.PARTIAL;
  }

  private Case run(InvestigationOptions options) {
    try {
      if (type == null) {
        return Investigation.run(indicator, options);
      }
      IndicatorType chosen =
          IndicatorType.fromName(type)
              .orElseThrow(
                  () ->
                      new UserInputException(
                          "--type '"
                              + type
                              + "' is not a type: use one of "
                              + IndicatorType.cliNames()));
      return Investigation.run(Indicator.of(indicator, chosen), options);
    } catch (AmbiguousIndicatorException | UnrecognisedIndicatorException e) {
      throw new UserInputException(e.getMessage());
    } catch (CaseException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(e.getMessage(), io);
      }
      throw new UserInputException(e.getMessage(), ExitCode.INTERNAL);
    }
  }

  /** The names {@code --type} accepts, for help and completion. */
  static final class TypeNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(IndicatorType.values()).map(IndicatorType::cliName).iterator();
    }
  }

  private void report(Case model, Path folder) {
    if (context.format() == OutputFormat.TABLE) {
      CaseText.summary(context.out(), model, folder);
      return;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("id", model.id());
    result.put("status", model.status());
    result.put("folder", folder.toAbsolutePath().toString());
    result.put("report", folder.resolve(CaseFolder.REPORT_HTML).toAbsolutePath().toString());
    result.put("indicator", model.indicator());
    result.put("findings", model.findings());
    result.put("missing", model.missing());
    try {
      context
          .out()
          .println(
              context.format() == OutputFormat.JSON
                  ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result)
                  : Json.MAPPER.writeValueAsString(result));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.out().flush();
  }
}
