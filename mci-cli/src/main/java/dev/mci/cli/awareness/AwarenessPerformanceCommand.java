package dev.mci.cli.awareness;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.client.AutoPager;
import dev.mci.client.MimecastClient;
import dev.mci.client.awareness.AwarenessApi;
import dev.mci.client.awareness.PerformanceType;
import dev.mci.client.awareness.TrainingPerformance;
import dev.mci.client.awareness.UserSearch;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mci awareness performance}: training performance per user. */
@Command(
    name = "performance",
    mixinStandardHelpOptions = true,
    description = {
      "Training performance per user: questions answered correctly and incorrectly, modules not"
          + " watched. Filter by department, user or performance type."
    })
public final class AwarenessPerformanceCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--department", paramLabel = "D", description = "Only this department.")
  String department;

  @Option(names = "--user", paramLabel = "USER", description = "Address or display name.")
  String user;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "Performance type: ${COMPLETION-CANDIDATES} (default: VIDEO_COUNT_ALL).")
  PerformanceType type = PerformanceType.VIDEO_COUNT_ALL;

  public AwarenessPerformanceCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<UserSearch> byDepartment = Users.department(department);
    try (MimecastClient client = context.client()) {
      AwarenessApi awareness = client.awareness();
      Optional<UserSearch> search =
          user == null
              ? byDepartment
              : Optional.of(UserSearch.email(Users.resolve(awareness, user).emailAddress()));
      AutoPager<TrainingPerformance> rows = awareness.performance(search, type);
      // With both --user and --department, the department is checked on the user's row.
      Iterable<TrainingPerformance> selected =
          () ->
              rows.stream()
                  .filter(
                      p ->
                          department == null || p.department().equalsIgnoreCase(department.strip()))
                  .iterator();
      context.output().rows(COLUMNS, selected);
    }
    return ExitCode.OK;
  }

  static final List<Column<TrainingPerformance>> COLUMNS =
      List.of(
          Column.of("email", TrainingPerformance::email),
          Column.of("name", TrainingPerformance::name),
          Column.of("department", TrainingPerformance::department),
          Column.of("correct", TrainingPerformance::correct),
          Column.of("incorrect", TrainingPerformance::incorrect),
          Column.of("notWatched", TrainingPerformance::notWatched),
          Column.of("state", TrainingPerformance::userState));
}
