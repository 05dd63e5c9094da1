package dev.mci.investigate.engine;

import dev.mci.investigate.cases.StepStatus;
import java.util.List;
import java.util.Optional;

/**
 * Every step's outcome, in playbook order.
 *
 * @param outcomes one per step
 */
public record PlaybookResult(List<StepOutcome> outcomes) {

  /** Copies the outcomes. */
  public PlaybookResult {
    outcomes = List.copyOf(outcomes);
  }

  /** The outcome of the named step. */
  public Optional<StepOutcome> outcome(String name) {
    return outcomes.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** The output of a step that succeeded. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> value(StepKey<T> key) {
    return outcome(key.name())
        .filter(o -> o.status() == StepStatus.SUCCEEDED)
        .map(o -> (T) o.value());
  }

  /** Whether every step succeeded. */
  public boolean complete() {
    return outcomes.stream().allMatch(o -> o.status() == StepStatus.SUCCEEDED);
  }
}
