package dev.mci.cli.awareness;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.Column;
import dev.mci.client.AutoPager;
import dev.mci.client.MimecastClient;
import dev.mci.client.awareness.AwarenessApi;
import dev.mci.client.awareness.SafeScore;
import dev.mci.client.awareness.UserSearch;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mci awareness safe-scores}: SAFE score per user, optionally one user or some grades. */
@Command(
    name = "safe-scores",
    mixinStandardHelpOptions = true,
    description = {
      "SAFE score per user: overall risk and the human error, sentiment, engagement and knowledge"
          + " grades (A best, F worst; there is no E)."
    })
public final class AwarenessSafeScoresCommand implements Callable<Integer> {
  private static final String GRADES = "ABCDF";

  private final CliContext context;

  @Option(names = "--user", paramLabel = "USER", description = "Address or display name.")
  String user;

  @Option(
      names = "--risk",
      paramLabel = "GRADES",
      description = "Only these overall risk grades: a letter (D), a list (D,F) or a range (C-F).")
  String risk;

  public AwarenessSafeScoresCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Set<String> grades = risk == null ? Set.of() : grades(risk);
    try (MimecastClient client = context.client()) {
      AwarenessApi awareness = client.awareness();
      Optional<UserSearch> search =
          user == null
              ? Optional.empty()
              : Optional.of(UserSearch.email(Users.resolve(awareness, user).emailAddress()));
      AutoPager<SafeScore> scores = awareness.safeScores(search);
      Iterable<SafeScore> selected =
          () ->
              scores.stream()
                  .filter(
                      s -> grades.isEmpty() || grades.contains(s.risk().toUpperCase(Locale.ROOT)))
                  .iterator();
      context.output().rows(COLUMNS, selected);
    }
    return ExitCode.OK;
  }

  /** Parses {@code D}, {@code D,F} or {@code C-F} into grade letters. */
  static Set<String> grades(String text) {
    Set<String> grades = new LinkedHashSet<>();
    for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
      String value = part.strip();
      if (value.matches("[A-Z]-[A-Z]")) {
        int from = GRADES.indexOf(value.charAt(0));
        int to = GRADES.indexOf(value.charAt(2));
        if (from < 0 || to < 0 || from > to) {
          throw badGrades(text);
        }
        for (int i = from; i <= to; i++) {
          grades.add(String.valueOf(GRADES.charAt(i)));
        }
      } else if (value.length() == 1 && GRADES.contains(value)) {
        grades.add(value);
      } else {
        throw badGrades(text);
      }
    }
    return grades;
  }

  private static UserInputException badGrades(String text) {
    return new UserInputException(
        "--risk '"
            + text
            + "' is not a SAFE grade: use A, B, C, D or F (no E), a list D,F or a"
            + " range C-F");
  }

  static final List<Column<SafeScore>> COLUMNS =
      List.of(
          Column.of("email", SafeScore::emailAddress),
          Column.of("name", SafeScore::name),
          Column.of("department", SafeScore::department),
          Column.of("risk", SafeScore::risk),
          Column.of("humanError", SafeScore::humanError),
          Column.of("sentiment", SafeScore::sentiment),
          Column.of("engagement", SafeScore::engagement),
          Column.of("knowledge", SafeScore::knowledge),
          Column.of("state", SafeScore::userState));
}
