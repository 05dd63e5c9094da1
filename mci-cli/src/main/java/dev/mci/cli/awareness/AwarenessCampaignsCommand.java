package dev.mci.cli.awareness;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.client.MimecastClient;
import dev.mci.client.awareness.PhishingCampaign;
import dev.mci.client.groups.DirectoryGroup;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mci awareness campaigns}: the phishing-simulation campaigns, with their ids. */
@Command(
    name = "campaigns",
    mixinStandardHelpOptions = true,
    description =
        "List phishing-simulation campaigns with launch date, target group and how many were sent,"
            + " opened, clicked and submitted; use an id with 'mci awareness phishing --campaign'.")
public final class AwarenessCampaignsCommand implements Callable<Integer> {
  private final CliContext context;

  public AwarenessCampaignsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (MimecastClient client = context.client()) {
      context.output().rows(COLUMNS, client.awareness().phishingCampaigns());
    }
    return ExitCode.OK;
  }

  static final List<Column<PhishingCampaign>> COLUMNS =
      List.of(
          Column.of("launched", PhishingCampaign::launched),
          Column.of("name", PhishingCampaign::name),
          Column.of("group", c -> c.group().map(DirectoryGroup::name).orElse("")),
          Column.of("sent", PhishingCampaign::sent),
          Column.of("opened", PhishingCampaign::opened),
          Column.of("clicked", PhishingCampaign::clicked),
          Column.of("submitted", PhishingCampaign::submitted),
          Column.of("id", PhishingCampaign::id));
}
