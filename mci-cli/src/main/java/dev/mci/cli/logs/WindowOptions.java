package dev.mci.cli.logs;

import dev.mci.cli.CliContext;
import dev.mci.cli.support.TimeWindow;
import picocli.CommandLine.Option;

/** {@code --since}/{@code --until} of the log commands: ISO-8601 or relative (10m, 24h, 7d). */
public final class WindowOptions {

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "Start: ISO-8601 (2025-03-01, 2025-03-01T09:30:00Z) or relative (10m, 24h, 7d).")
  String since;

  @Option(
      names = "--until",
      paramLabel = "WHEN",
      description = "End: ISO-8601 or relative. Default: now.")
  String until;

  /** The window, with {@code defaultSince} when {@code --since} is absent. */
  public TimeWindow resolve(String defaultSince, CliContext context) {
    return TimeWindow.resolve(since, until, defaultSince, context.environment().clock());
  }

  /** The window when either option was given; null when neither was (the server's default). */
  public TimeWindow resolveIfGiven(String defaultSince, CliContext context) {
    return since == null && until == null ? null : resolve(defaultSince, context);
  }
}
