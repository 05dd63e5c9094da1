package dev.mci.cli.awareness;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.OutputFormat;
import dev.mci.client.MimecastClient;
import dev.mci.client.awareness.AwarenessApi;
import dev.mci.client.awareness.AwarenessUser;
import dev.mci.client.awareness.TrainingAssignment;
import dev.mci.client.awareness.TrainingDetails;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mci awareness training}: one user's modules, watch dates, answers and badges. */
@Command(
    name = "training",
    mixinStandardHelpOptions = true,
    description = {
      "One user's Awareness Training: each assigned module with assignment and watch dates, the"
          + " answer and watchlist status; whether the user needs engagement; badges earned."
    })
public final class AwarenessTrainingCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--user",
      required = true,
      paramLabel = "USER",
      description = "Address or display name.")
  String user;

  public AwarenessTrainingCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (MimecastClient client = context.client()) {
      AwarenessApi awareness = client.awareness();
      AwarenessUser who = Users.resolve(awareness, user);
      TrainingDetails details = awareness.trainingDetails(who.emailAddress());
      if (context.format() == OutputFormat.TABLE) {
        context
            .out()
            .println(
                "User: "
                    + who
                    + (who.department().isEmpty() ? "" : ", " + who.department())
                    + "; "
                    + details.notWatched().size()
                    + " of "
                    + details.modules().size()
                    + " modules not watched"
                    + (details.needEngagement() ? "; needs engagement" : "")
                    + "; badges: "
                    + (details.badges().isEmpty() ? "none" : String.join(", ", details.badges())));
        context.output().rows(COLUMNS, details.modules());
      } else {
        context.output().single(DETAIL_COLUMNS, details);
      }
    }
    return ExitCode.OK;
  }

  static final List<Column<TrainingAssignment>> COLUMNS =
      List.of(
          Column.of("module", TrainingAssignment::title),
          Column.of("assigned", TrainingAssignment::assigned),
          Column.of("watched", TrainingAssignment::watched),
          Column.of("watchedDate", TrainingAssignment::watchedDate),
          Column.of("answer", TrainingAssignment::answer),
          Column.of("onWatchlist", TrainingAssignment::onWatchlist));

  private static final List<Column<TrainingDetails>> DETAIL_COLUMNS =
      List.of(
          Column.of("email", TrainingDetails::emailAddress),
          Column.of("modules", d -> d.modules().size()),
          Column.of("notWatched", d -> d.notWatched().size()),
          Column.of("needEngagement", TrainingDetails::needEngagement),
          Column.of("badges", d -> String.join(" ", d.badges())));
}
