package dev.mci.client.awareness;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One training module assigned to a user (reference 06 §6, {@code training[]}).
 *
 * @param titleId the module id
 * @param title the module title
 * @param assigned when it was assigned
 * @param watched whether the user watched it
 * @param watchedDate when the user watched it
 * @param answer the user's result, e.g. {@code CORRECT} or {@code INCORRECT}
 * @param onWatchlist whether the module put the user on the watchlist
 */
public record TrainingAssignment(
    String titleId,
    String title,
    Optional<Instant> assigned,
    boolean watched,
    Optional<Instant> watchedDate,
    Optional<String> answer,
    boolean onWatchlist) {

  /** Checks nothing is null. */
  public TrainingAssignment {
    Objects.requireNonNull(titleId, "titleId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(assigned, "assigned");
    Objects.requireNonNull(watchedDate, "watchedDate");
    Objects.requireNonNull(answer, "answer");
  }
}
