package dev.mci.client.awareness;

import java.util.Objects;

/**
 * One user's training performance (reference 06 §3).
 *
 * @param email the user's address (the wire calls it {@code email} here)
 * @param name display name
 * @param department department
 * @param correct questions answered correctly
 * @param incorrect questions answered incorrectly
 * @param notWatched assigned modules not watched
 * @param userState e.g. {@code ACTIVE}
 */
public record TrainingPerformance(
    String email,
    String name,
    String department,
    int correct,
    int incorrect,
    int notWatched,
    String userState) {

  /** Checks nothing is null. */
  public TrainingPerformance {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(userState, "userState");
  }
}
