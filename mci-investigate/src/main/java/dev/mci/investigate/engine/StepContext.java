package dev.mci.investigate.engine;

import dev.mci.client.MimecastClient;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.cases.CaseRecorder;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.cases.EvidenceFolder;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/** What a running {@link Step} can use. One context per step run; thread-safe. */
public interface StepContext {

  /** The step's name. */
  String stepName();

  /**
   * The shared client: every step calls through the same client and therefore the same rate-limit
   * budget; its call listener attributes each call to this step in {@code audit.ndjson}.
   */
  MimecastClient client();

  /** What is being investigated. */
  Indicator indicator();

  /** The time window to search. */
  CaseWindow window();

  /** The time source of the investigation. */
  Clock clock();

  /** Where the step records what it found. */
  CaseRecorder record();

  /** Where the step saves evidence files. */
  EvidenceFolder evidence();

  /**
   * The output of a step this one declared in {@link Step#needs()}.
   *
   * @throws IllegalArgumentException if {@code key} is not one of the declared needs
   */
  <T> T result(StepKey<T> key);

  /**
   * Applies {@code work} to every item, concurrently within the step's own item bound (the runner's
   * {@code itemsPerStep}, the calling thread included; the step slots are not used), and returns
   * the results in item order. All items run even when one fails; then the first failure is thrown.
   * Each item's calls are independent of the others': the calls after {@code forEach} follow the
   * longest of them.
   */
  <I, O> List<O> forEach(List<I> items, Function<? super I, ? extends O> work);
}
