package dev.mci.investigate;

import dev.mci.client.MimecastApiException;
import dev.mci.client.MimecastClient;
import dev.mci.client.MimecastException;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseData;
import dev.mci.investigate.cases.CaseFolder;
import dev.mci.investigate.cases.CaseRecorder;
import dev.mci.investigate.cases.CaseStatus;
import dev.mci.investigate.cases.CaseUrl;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.cases.EvidenceFolder;
import dev.mci.investigate.cases.StepError;
import dev.mci.investigate.cases.StepReport;
import dev.mci.investigate.cases.StepStatus;
import dev.mci.investigate.engine.AuditEntry;
import dev.mci.investigate.engine.AuditTrail;
import dev.mci.investigate.engine.Capability;
import dev.mci.investigate.engine.InvestigationScope;
import dev.mci.investigate.engine.PlaybookResult;
import dev.mci.investigate.engine.PlaybookRunner;
import dev.mci.investigate.engine.Step;
import dev.mci.investigate.engine.StepOutcome;
import dev.mci.investigate.findings.CaseFacts;
import dev.mci.investigate.findings.Findings;
import dev.mci.investigate.findings.TimelineBuilder;
import dev.mci.investigate.steps.ArchiveSearchLocator;
import dev.mci.investigate.steps.EventsStep;
import dev.mci.investigate.steps.InvestigationPlaybook;
import dev.mci.investigate.steps.MessageFinder;
import dev.mci.store.StoreLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One indicator in, a complete case out. The library entry point of MCI's main job:
 *
 * <pre>{@code
 * Case c = Investigation.run("<abc@mail.example>", InvestigationOptions.builder()
 *     .client(MimecastClient.builder().region(MimecastRegion.GLOBAL).credentials(credentials))
 *     .casesRoot(Path.of("cases"))
 *     .build());
 * }</pre>
 *
 * <p>A run resolves the indicator (an address may need a look at the mail to tell a sender from a
 * user), builds the playbook for it, runs the steps concurrently within one client (one rate-limit
 * budget), derives findings and a timeline from what the steps found, and writes the case folder
 * {@code <casesRoot>/<case id>/}. A step that fails is recorded with its error and request id while
 * the others continue; the case is then {@link CaseStatus#PARTIAL} and says what is missing. Only
 * when every step failed is the first failure thrown (after the case folder was written), since
 * such a case holds nothing useful.
 */
public final class Investigation {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private Investigation() {}

  /**
   * Investigates text whose type is detected: by its form, and for an address by the mail to and
   * from it.
   *
   * @throws UnrecognisedIndicatorException if the text is no indicator
   * @throws AmbiguousIndicatorException if it could be several kinds and the data does not decide
   * @throws MimecastException if resolving the indicator failed, or every step failed
   */
  public static Case run(String text, InvestigationOptions options) {
    return execute(text, null, options);
  }

  /**
   * Investigates an indicator of a known type.
   *
   * @throws MimecastException if every step failed
   */
  public static Case run(Indicator indicator, InvestigationOptions options) {
    return execute(null, indicator, options);
  }

  private static Case execute(String text, Indicator given, InvestigationOptions options) {
    Instant createdAt = options.clock().instant();
    Instant until = options.until().orElse(createdAt);
    Instant since = options.since().orElse(until.minus(MessageFinder.REACH));
    CaseWindow window = new CaseWindow(since, until);
    if (given == null) {
      // Fail on malformed input before any connection is made.
      if (Indicator.candidates(text).isEmpty()) {
        Indicator.parse(text);
      }
    }
    AuditTrail audit = new AuditTrail();
    try (MimecastClient client = options.client().apply(audit)) {
      IndicatorResolver.Resolution resolution =
          given != null
              ? new IndicatorResolver.Resolution(given, null)
              : IndicatorResolver.resolve(
                  text, client, window, createdAt, options.internalDomains());
      Indicator indicator = resolution.indicator();

      // Step 9 runs only over a store that exists and holds events; otherwise the case says why.
      String noEventStore =
          options.eventStore().isEmpty()
              ? "no store was given"
              : EventsStep.unavailable(options.eventStore().get()).orElse(null);
      StoreLocation eventStore = noEventStore == null ? options.eventStore().get() : null;
      InvestigationPlaybook.Plan plan =
          InvestigationPlaybook.plan(
              indicator,
              window,
              createdAt,
              options.archiveLocator().orElseGet(ArchiveSearchLocator::new),
              resolution.prefetched(),
              eventStore,
              options.additionalSteps());
      Path folder = newCaseFolder(options.casesRoot(), createdAt, indicator);
      EvidenceFolder evidence = new EvidenceFolder(folder.resolve(CaseFolder.EVIDENCE));
      CaseRecorder recorder = new CaseRecorder();
      recorder.internalDomains(options.internalDomains());
      if (indicator.type() == IndicatorType.URL) {
        recorder.url(new CaseUrl(indicator.value(), null, null, null, null, "indicator"));
      }
      InvestigationScope scope =
          new InvestigationScope(client, indicator, window, options.clock(), recorder, evidence);
      PlaybookResult result = runPlaybook(plan, scope, options);

      Case model =
          assemble(
              folder.getFileName().toString(),
              createdAt,
              options.clock().instant(),
              indicator,
              window,
              plan,
              result,
              recorder,
              evidence,
              audit.entries(),
              noEventStore);
      CaseFolder.write(folder, model, audit.entries(), evidence);
      options.index().ifPresent(index -> index.add(model, folder));
      throwIfNothingSucceeded(result);
      return model;
    }
  }

  private static PlaybookResult runPlaybook(
      InvestigationPlaybook.Plan plan, InvestigationScope scope, InvestigationOptions options) {
    if (options.executor().isPresent()) {
      return new PlaybookRunner(options.executor().get(), options.maxConcurrency())
          .run(plan.playbook(), scope);
    }
    ExecutorService pool = Executors.newFixedThreadPool(options.maxConcurrency(), daemonThreads());
    try {
      return new PlaybookRunner(pool, options.maxConcurrency()).run(plan.playbook(), scope);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Case assemble(
      String id,
      Instant createdAt,
      Instant completedAt,
      Indicator indicator,
      CaseWindow window,
      InvestigationPlaybook.Plan plan,
      PlaybookResult result,
      CaseRecorder recorder,
      EvidenceFolder evidence,
      List<AuditEntry> audit,
      String noEventStore) {
    List<StepReport> steps = new ArrayList<>();
    List<AuditEntry> resolving =
        audit.stream().filter(e -> e.step().equals(IndicatorResolver.STEP)).toList();
    if (!resolving.isEmpty()) {
      steps.add(
          new StepReport(
              IndicatorResolver.STEP,
              "decide what the indicator is from the mail to and from it",
              StepStatus.SUCCEEDED,
              resolving.get(0).time(),
              resolving.stream().mapToLong(AuditEntry::durationMillis).sum(),
              resolving.size(),
              resolving.stream().map(AuditEntry::requestId).toList(),
              null,
              null));
    }
    List<String> missing = new ArrayList<>();
    for (StepOutcome outcome : result.outcomes()) {
      List<AuditEntry> calls = audit.stream().filter(e -> e.step().equals(outcome.name())).toList();
      StepError error = outcome.error() == null ? null : error(outcome.error());
      steps.add(
          new StepReport(
              outcome.name(),
              outcome.description(),
              outcome.status(),
              outcome.startedAt(),
              outcome.durationMillis(),
              calls.size(),
              calls.stream().map(AuditEntry::requestId).toList(),
              error,
              outcome.skippedBecause()));
      if (outcome.status() == StepStatus.FAILED) {
        missing.add("Failed: " + outcome.description() + ": " + error.message());
      } else if (outcome.status() == StepStatus.SKIPPED) {
        missing.add(
            "Skipped: "
                + outcome.description()
                + ", because "
                + outcome.skippedBecause()
                + " did not succeed");
      }
    }
    for (Capability capability : plan.notCovered()) {
      String note =
          capability == Capability.LOCATE_ARCHIVE
              ? " (the window starts "
                  + window.since()
                  + "; Message Finder reaches back to "
                  + createdAt.minus(MessageFinder.REACH)
                  + ")"
              : "";
      missing.add("Not covered by this build: " + capability.description() + note);
    }
    if (noEventStore != null) {
      missing.add(
          "No local event store: "
              + Capability.EVENTS.description()
              + " not searched ("
              + noEventStore
              + ")");
    }

    Set<Capability> succeeded = succeededCapabilities(plan, result);
    CaseData data = recorder.snapshot();
    CaseFacts facts = new CaseFacts(indicator, window, data, succeeded);
    return new Case(
        Case.SCHEMA_VERSION,
        id,
        createdAt,
        completedAt,
        indicator,
        window,
        // A playbook with no step for this indicator investigated nothing: that is not complete.
        result.complete() && !result.outcomes().isEmpty()
            ? CaseStatus.COMPLETE
            : CaseStatus.PARTIAL,
        data,
        Findings.rank(facts),
        TimelineBuilder.build(data),
        steps,
        missing,
        evidence.files(),
        audit.size());
  }

  /** A capability counts as covered when every step providing it succeeded. */
  private static Set<Capability> succeededCapabilities(
      InvestigationPlaybook.Plan plan, PlaybookResult result) {
    Set<Capability> succeeded = EnumSet.noneOf(Capability.class);
    Set<Capability> failed = EnumSet.noneOf(Capability.class);
    for (Step<?> step : plan.playbook().steps()) {
      boolean ok =
          result
              .outcome(step.key().name())
              .map(o -> o.status() == StepStatus.SUCCEEDED)
              .orElse(false);
      (ok ? succeeded : failed).addAll(step.provides());
    }
    succeeded.removeAll(failed);
    return succeeded;
  }

  private static StepError error(Throwable failure) {
    if (failure instanceof MimecastException api) {
      Integer status = api instanceof MimecastApiException e ? e.httpStatus() : null;
      return new StepError(
          failure.getClass().getSimpleName(),
          api.getMessage(),
          api.endpoint(),
          api.requestId().orElse(null),
          status);
    }
    return new StepError(
        failure.getClass().getSimpleName(),
        failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage(),
        null,
        null,
        null);
  }

  private static void throwIfNothingSucceeded(PlaybookResult result) {
    boolean anySucceeded =
        result.outcomes().stream().anyMatch(o -> o.status() == StepStatus.SUCCEEDED);
    if (anySucceeded || result.outcomes().isEmpty()) {
      return;
    }
    for (StepOutcome outcome : result.outcomes()) {
      if (outcome.error() instanceof RuntimeException failure) {
        throw failure;
      }
    }
  }

  /**
   * Creates {@code <root>/<id>/}, the id being {@code yyyyMMdd-HHmmss-<type>-<6 hex>}: sortable,
   * safe in any file system, unique (a clash picks another suffix).
   */
  private static Path newCaseFolder(Path root, Instant createdAt, Indicator indicator) {
    try {
      Files.createDirectories(root);
      for (int attempt = 0; ; attempt++) {
        String id =
            ID_TIME.format(createdAt)
                + "-"
                + indicator.type().cliName()
                + "-"
                + shortHash(indicator.value() + "\u0000" + createdAt + "\u0000" + attempt);
        try {
          return Files.createDirectory(root.resolve(id));
        } catch (FileAlreadyExistsException taken) {
          if (attempt > 100) {
            throw taken;
          }
        }
      }
    } catch (IOException e) {
      throw new CaseException("cannot create a case folder under " + root + ": " + e, e);
    }
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "mci-step-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
