package dev.mci.investigate.engine;

import java.util.List;
import java.util.Set;

/**
 * One unit of an investigation playbook: it reads what the steps it {@link #needs()} produced,
 * makes its API calls through {@link StepContext#client()}, records what it found in {@link
 * StepContext#record()} and returns its output for dependent steps.
 *
 * <p>A step may throw anything; the runner records the failure (with the request id when it is a
 * {@code MimecastException}) and lets its siblings continue. Steps that need a failed step are
 * skipped. Implementations must be thread-safe: independent steps run concurrently.
 *
 * @param <T> what the step produces for its dependents
 */
public interface Step<T> {

  /** The step's name and output type. */
  StepKey<T> key();

  /** What the step does, in a few plain words (shown in the case). */
  String description();

  /** The steps whose output this one reads; it starts when all of them succeeded. */
  default List<StepKey<?>> needs() {
    return List.of();
  }

  /** Which parts of the playbook this step covers. */
  default Set<Capability> provides() {
    return Set.of();
  }

  /**
   * Does the work.
   *
   * @return the output for dependent steps; may be null when nothing depends on it
   * @throws Exception any failure; recorded against the step
   */
  T run(StepContext context) throws Exception;
}
