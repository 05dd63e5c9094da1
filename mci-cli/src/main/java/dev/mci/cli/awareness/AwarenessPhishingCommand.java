package dev.mci.cli.awareness;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.OutputFormat;
import dev.mci.client.AutoPager;
import dev.mci.client.MimecastClient;
import dev.mci.client.awareness.AwarenessApi;
import dev.mci.client.awareness.PhishingCampaign;
import dev.mci.client.awareness.PhishingResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mci awareness phishing}: per-user results of one phishing-simulation campaign. */
@Command(
    name = "phishing",
    mixinStandardHelpOptions = true,
    description = {
      "Per-user results of a phishing-simulation campaign (the latest by default): template,"
          + " furthest stage reached (sent, opened, clicked, submitted) and when.",
      "--clicked keeps users who clicked, including those who went on to submit data."
    })
public final class AwarenessPhishingCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--campaign",
      paramLabel = "ID|latest",
      description = "Campaign id from 'mci awareness campaigns', or 'latest' (default).")
  String campaign = "latest";

  @Option(names = "--clicked", description = "Only users who clicked the simulated link.")
  boolean clicked;

  public AwarenessPhishingCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (campaign.isBlank()) {
      throw new UserInputException("--campaign is blank: give a campaign id or 'latest'");
    }
    try (MimecastClient client = context.client()) {
      AwarenessApi awareness = client.awareness();
      PhishingCampaign chosen =
          campaign.strip().equalsIgnoreCase("latest")
              ? awareness
                  .latestPhishingCampaign()
                  .orElseThrow(
                      () ->
                          new UserInputException(
                              "the account has no phishing-simulation campaign",
                              ExitCode.NOT_FOUND))
              : awareness.phishingCampaign(campaign);
      if (context.format() == OutputFormat.TABLE) {
        context
            .out()
            .println(
                "Campaign: "
                    + chosen.name()
                    + chosen.launched().map(t -> ", launched " + t).orElse("")
                    + " (sent "
                    + chosen.sent()
                    + ", opened "
                    + chosen.opened()
                    + ", clicked "
                    + chosen.clicked()
                    + ", submitted "
                    + chosen.submitted()
                    + ")");
      }
      AutoPager<PhishingResult> results = awareness.phishingResults(chosen.id());
      Iterable<PhishingResult> selected =
          () -> results.stream().filter(r -> !clicked || r.hasClicked()).iterator();
      context.output().rows(COLUMNS, selected);
    }
    return ExitCode.OK;
  }

  static final List<Column<PhishingResult>> COLUMNS =
      List.of(
          Column.of("email", PhishingResult::email),
          Column.of("name", PhishingResult::name),
          Column.of("department", PhishingResult::department),
          Column.of("template", PhishingResult::templateName),
          Column.of("status", PhishingResult::status),
          Column.of("opened", PhishingResult::opened),
          Column.of("clicked", PhishingResult::clicked),
          Column.of("submitted", PhishingResult::submitted),
          Column.of("reported", PhishingResult::reported),
          Column.of("clickedIp", PhishingResult::clickedIp));
}
