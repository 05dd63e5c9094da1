package dev.mci.cli;

import dev.mci.cli.attachments.AttachmentsCommand;
import dev.mci.cli.auth.AuthCommand;
import dev.mci.cli.awareness.AwarenessCommand;
import dev.mci.cli.cases.CaseCommand;
import dev.mci.cli.demo.DemoCommand;
import dev.mci.cli.events.EventsCommand;
import dev.mci.cli.groups.GroupsCommand;
import dev.mci.cli.hashes.HashesCommand;
import dev.mci.cli.hunt.HuntCommand;
import dev.mci.cli.incidents.IncidentsCommand;
import dev.mci.cli.investigate.InvestigateCommand;
import dev.mci.cli.logs.LogsCommand;
import dev.mci.cli.messages.MessagesCommand;
import dev.mci.cli.policies.PoliciesCommand;
import dev.mci.cli.sim.SimCommand;
import dev.mci.cli.support.OutputFormat;
import dev.mci.cli.urls.UrlsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root {@code mci} command: global options and the list of command groups. */
@Command(
    name = "mci",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "MCI, the Mimecast Investigator: interrogate Mimecast during an email incident.",
    subcommands = {
      DemoCommand.class,
      SimCommand.class,
      AuthCommand.class,
      MessagesCommand.class,
      AttachmentsCommand.class,
      UrlsCommand.class,
      HashesCommand.class,
      IncidentsCommand.class,
      LogsCommand.class,
      AwarenessCommand.class,
      PoliciesCommand.class,
      GroupsCommand.class,
      InvestigateCommand.class,
      CaseCommand.class,
      EventsCommand.class,
      HuntCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal error (a bug; run with --debug)",
      "2:bad command-line input",
      "3:partial result",
      "4:configuration problem (credentials, base URL, profile)",
      "5:authentication refused by Mimecast",
      "6:permission or product missing",
      "7:not found",
      "8:rate limited after retries",
      "9:Mimecast or network unavailable after retries",
      "10:request rejected by Mimecast (fail[])",
    })
public final class MciCommand {
  private final CliContext context;

  public MciCommand(CliContext context) {
    this.context = context;
  }

  @Option(
      names = "--profile",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description =
          "Connection profile from the config folder (default: $MCI_PROFILE or 'default').")
  void profile(String profile) {
    context.profile(profile);
  }

  @Option(
      names = "--format",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description =
          "Output format: ${COMPLETION-CANDIDATES} (default: table; stix: case export only).")
  void format(OutputFormat format) {
    context.format(format);
  }

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Log HTTP calls (secrets redacted) and show stack traces on errors.")
  void debug(boolean debug) {
    context.debug(debug);
    Logging.debug(debug);
  }
}
