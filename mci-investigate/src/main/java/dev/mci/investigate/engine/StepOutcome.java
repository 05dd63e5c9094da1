package dev.mci.investigate.engine;

import dev.mci.investigate.cases.StepStatus;
import java.time.Instant;

/**
 * How one step of a run ended.
 *
 * @param name the step's name
 * @param description what the step does
 * @param status succeeded, failed or skipped
 * @param value what it produced (null unless succeeded, and possibly null then)
 * @param error why it failed, null unless failed
 * @param startedAt when it started, null when skipped
 * @param durationMillis how long it ran, by the run's clock
 * @param skippedBecause the need that did not succeed, null unless skipped
 */
public record StepOutcome(
    String name,
    String description,
    StepStatus status,
    Object value,
    Throwable error,
    Instant startedAt,
    long durationMillis,
    String skippedBecause) {}
