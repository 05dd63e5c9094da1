package dev.mci.cli.cases;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.IndexedCase;
import dev.mci.investigate.export.CaseExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mci case export ID --format json|csv|stix [--output FILE]}.
 *
 * <p>{@code --format} is the root command's option, which also takes {@code stix} (only this
 * command accepts it). For scripts written against the first release, the options may also follow
 * the case id: option parsing stops at the id and this command reads what follows itself.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    modelTransformer = CaseExportCommand.OptionsAfterId.class,
    customSynopsis =
        "mci case export [-hV] ID [--format json|csv|stix] [--output FILE] [--case-dir DIR]"
            + " [--store FILE|URL]",
    description = {
      "Export a stored case (no API calls): json (case.json), csv (its messages) or stix (a STIX"
          + " 2.1 bundle of the indicators and observed data).",
      "Options after ID: --format json|csv|stix (default json), --output FILE (default stdout),"
          + " --case-dir DIR, --store FILE|URL (the event store whose case index to use)."
    })
public final class CaseExportCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "ID", description = "Case id, or a unique start of one.")
  String id;

  @Parameters(index = "1..*", paramLabel = "OPTIONS", hidden = true)
  List<String> options = new ArrayList<>();

  @Spec CommandSpec spec;

  public CaseExportCommand(CliContext context) {
    this.context = context;
  }

  /** Everything after the case id reaches {@link #options} unparsed. */
  public static final class OptionsAfterId implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      spec.parser().stopAtPositional(true);
      return spec;
    }
  }

  /** The options this command reads itself. */
  static final class ExportOptions {
    @Option(names = "--format")
    String format;

    @Option(names = "--output")
    Path output;

    @Option(names = "--case-dir")
    Path caseDir;

    @Option(names = "--store")
    String store;

    @Option(names = {"-h", "--help"})
    boolean help;
  }

  @Override
  public Integer call() {
    ExportOptions parsed = new ExportOptions();
    try {
      new CommandLine(parsed).parseArgs(options.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new UserInputException(
          e.getMessage()
              + "; usage: mci case export ID --format "
              + CaseExport.names()
              + " [--output FILE]");
    }
    if (parsed.help) {
      spec.commandLine().usage(context.out());
      return ExitCode.OK;
    }
    CaseExport format = format(parsed.format);
    Path root = CasesRoot.resolve(context.environment(), parsed.caseDir);
    IndexedCase indexed =
        CaseLookup.find(
            CaseStores.index(CaseStores.resolve(parsed.store, context.environment()), root),
            root,
            id);
    Case model = CaseLookup.open(indexed);
    String text = format.render(model);
    if (parsed.output == null) {
      context.out().print(text);
      context.out().flush();
    } else {
      Path file = context.environment().workDir().resolve(parsed.output);
      try {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      context.err().println("Wrote " + file.toAbsolutePath());
      context.err().flush();
    }
    return ExitCode.OK;
  }

  private CaseExport format(String option) {
    if (option != null) {
      return CaseExport.fromName(option)
          .orElseThrow(
              () ->
                  new UserInputException(
                      "--format '"
                          + option
                          + "' is not an export format: use "
                          + CaseExport.names()));
    }
    return switch (context.requestedFormat()) {
      case STIX -> CaseExport.STIX;
      case CSV -> CaseExport.CSV;
      default -> CaseExport.JSON;
    };
  }
}
