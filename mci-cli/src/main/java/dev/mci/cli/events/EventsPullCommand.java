package dev.mci.cli.events;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.cli.support.TimeWindow;
import dev.mci.client.MimecastClient;
import dev.mci.client.events.EventType;
import dev.mci.store.EventStore;
import dev.mci.store.StoreException;
import dev.mci.store.StoreLocation;
import dev.mci.store.pull.EventPuller;
import dev.mci.store.pull.PullListener;
import dev.mci.store.pull.PullOptions;
import dev.mci.store.pull.PullProgress;
import dev.mci.store.pull.PullReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mci events pull}: checkpointed, resumable pull of SIEM and audit events. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Pull events into the event store, checkpointed per log type: run it again (or after a"
          + " crash) and it continues where it stopped, storing nothing twice.",
      "API 2.0 uses the SIEM batch files (7 days back) or, with --via stream, the streaming pages"
          + " (24 hours back); API 1.0 keys use the get-siem-logs files.",
      "Unreadable files are kept in the quarantine folder with the reason. Progress (rows, rows/s,"
          + " lag behind now) goes to stderr."
    })
public final class EventsPullCommand implements Callable<Integer> {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
  private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final CliContext context;

  @Mixin StoreOption storeOption;

  @Option(
      names = "--types",
      split = ",",
      paramLabel = "TYPE",
      description =
          "Log types: receipt, process, delivery, av, spam, internal-email-protect,"
              + " impersonation-protect, url-protect, attachment-protect, journal, audit, and"
              + " web-security (MCI proposal, simulator only). Default: every type but"
              + " web-security, plus audit.")
  List<String> types;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "Where streams without a checkpoint start: ISO-8601 or relative (24h, 7d). Default: as"
              + " far back as each interface reaches.")
  String since;

  @Option(names = "--follow", description = "Keep polling for new events until stopped (Ctrl-C).")
  boolean follow;

  @Option(
      names = "--poll",
      paramLabel = "DURATION",
      description = "Wait between polls when following, e.g. 30s, 5m (default: 1m).")
  String poll = "1m";

  @Option(
      names = "--via",
      paramLabel = "batch|stream",
      description = "API 2.0 interface: batch files (default) or streaming pages (last 24 hours).")
  String via = "batch";

  @Option(
      names = "--quarantine",
      paramLabel = "DIR",
      description = "Where unreadable files are kept (default: quarantine in the data folder).")
  Path quarantine;

  public EventsPullCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Instant now = context.environment().clock().instant();
    Selection selection = selection(types);
    PullOptions.Via interfaceChoice =
        switch (via.strip().toLowerCase(Locale.ROOT)) {
          case "batch" -> PullOptions.Via.BATCH;
          case "stream" -> PullOptions.Via.STREAM;
          default -> throw new UserInputException("--via '" + via + "' is not batch or stream");
        };
    Duration pollInterval = duration("--poll", poll);
    Instant start = since == null ? null : TimeWindow.parse("--since", since, now);
    if (start != null && start.isAfter(now)) {
      throw new UserInputException("--since " + start + " is in the future");
    }
    StoreLocation location = storeOption.location(context.environment());
    Path data = storeOption.dataFolder(context.environment());
    Path quarantineFolder = quarantine != null ? quarantine : data.resolve("quarantine");

    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.set(true);
              try {
                finished.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "mci-events-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter err = context.err();
    try (MimecastClient client = context.client();
        EventStore store = open(location)) {
      PullOptions options =
          PullOptions.builder(data)
              .types(selection.types())
              .audit(selection.audit())
              .via(interfaceChoice)
              .since(start)
              .follow(follow)
              .pollInterval(pollInterval)
              .quarantineFolder(quarantineFolder)
              .spoolFolder(data.resolve("spool"))
              .clock(context.environment().clock())
              .stop(stop::get)
              .build();
      Progress progress = new Progress(err);
      PullReport report = new EventPuller(client, store, options, progress).run();
      progress.summary(report, location);
      return report.complete() ? ExitCode.OK : ExitCode.PARTIAL;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting; the hook is running.
      }
    }
  }

  private static EventStore open(StoreLocation location) {
    try {
      return EventStore.open(location);
    } catch (StoreException e) {
      throw StoreOption.problem(e);
    }
  }

  /** What {@code --types} asked for. */
  record Selection(Set<EventType> types, boolean audit) {}

  static Selection selection(List<String> names) {
    if (names == null || names.isEmpty()) {
      return new Selection(PullOptions.defaultTypes(), true);
    }
    Set<EventType> chosen = EnumSet.noneOf(EventType.class);
    boolean audit = false;
    for (String name : names) {
      String value = name.strip();
      if (value.isEmpty()) {
        continue;
      }
      if (value.equalsIgnoreCase("audit")) {
        audit = true;
        continue;
      }
      chosen.add(
          EventType.parse(value)
              .orElseThrow(
                  () ->
                      new UserInputException(
                          "--types: '"
                              + value
                              + "' is not a log type; use "
                              + String.join(
                                  ", ",
                                  EnumSet.allOf(EventType.class).stream()
                                      .map(EventType::cliName)
                                      .toList())
                              + " or audit")));
    }
    if (chosen.isEmpty() && !audit) {
      throw new UserInputException("--types is empty: name at least one log type");
    }
    return new Selection(chosen, audit);
  }

  static Duration duration(String option, String text) {
    Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new UserInputException(
          option + " '" + text + "' is not a duration such as 500ms, 30s, 5m or 1h");
    }
    long amount = Long.parseLong(matcher.group(1));
    Duration duration =
        switch (matcher.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
    if (duration.isZero()) {
      throw new UserInputException(option + " must be longer than zero");
    }
    return duration;
  }

  /** Progress on stderr, at most once a second, and the summary at the end. */
  private static final class Progress implements PullListener {
    private final PrintWriter err;
    private long lastPrinted;
    private PullProgress latest;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void progress(PullProgress progress) {
      latest = progress;
      long now = System.nanoTime();
      if (lastPrinted == 0 || now - lastPrinted >= PROGRESS_EVERY_NANOS) {
        lastPrinted = now;
        err.println("mci: " + line(progress));
        err.flush();
      }
    }

    @Override
    public void warning(String stream, String message) {
      err.println("mci: " + stream + ": " + message);
      err.flush();
    }

    void summary(PullReport report, StoreLocation location) {
      String lag = latest == null || latest.lag() == null ? "" : ", lag " + human(latest.lag());
      err.printf(
          Locale.ROOT,
          "mci: stored %,d new events (%,d already stored) from %,d files or pages in %s%s;"
              + " %,d quarantined; store %s%n",
          report.stored(),
          report.duplicates(),
          report.files(),
          human(report.elapsed()),
          lag,
          report.quarantined(),
          location);
      report
          .problems()
          .forEach(
              (stream, problem) -> err.println("mci: " + stream + " stopped early: " + problem));
      err.flush();
    }

    private static String line(PullProgress p) {
      return String.format(
          Locale.ROOT,
          "%,d events stored (%,d duplicates skipped), %,.0f events/s, lag %s [%s]",
          p.stored(),
          p.duplicates(),
          p.rate(),
          p.lag() == null ? "-" : human(p.lag()),
          p.stream());
    }

    private static String human(Duration duration) {
      long seconds = Math.max(0, duration.toSeconds());
      if (seconds < 120) {
        return seconds + "s";
      }
      if (seconds < 7_200) {
        return (seconds / 60) + "m";
      }
      if (seconds < 172_800) {
        return (seconds / 3_600) + "h" + ((seconds % 3_600) / 60) + "m";
      }
      return (seconds / 86_400) + "d" + ((seconds % 86_400) / 3_600) + "h";
    }
  }
}
