package dev.mci.cli.incidents;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.client.MimecastClient;
import dev.mci.client.incidents.Incident;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mci incidents get ID}. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Show one remediation incident: criteria, counts and restore codes.")
public final class IncidentsGetCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "ID", description = "The incident id (from mci incidents find).")
  String id;

  public IncidentsGetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Incident incident;
    try (MimecastClient client = context.client()) {
      incident = client.incidents().get(id);
    }
    context.output().single(IncidentsFindCommand.DETAIL, incident);
    return ExitCode.OK;
  }
}
