package dev.mci.investigate.cases;

import java.time.Instant;
import java.util.List;

/**
 * What one step of the playbook did.
 *
 * @param name the step's name, e.g. {@code locate-messages}
 * @param description what the step does, in plain words
 * @param status how it ended
 * @param startedAt when it started, null when skipped
 * @param durationMillis how long it ran
 * @param calls the API calls it made (HTTP attempts, retries included)
 * @param requestIds the {@code x-mc-req-id} of each of its calls, in order
 * @param error why it failed, null unless failed
 * @param skippedBecause the step it needed that did not succeed, null unless skipped
 */
public record StepReport(
    String name,
    String description,
    StepStatus status,
    Instant startedAt,
    long durationMillis,
    int calls,
    List<String> requestIds,
    StepError error,
    String skippedBecause) {

  /** Copies the request ids; null becomes empty. */
  public StepReport {
    requestIds = requestIds == null ? List.of() : List.copyOf(requestIds);
  }
}
