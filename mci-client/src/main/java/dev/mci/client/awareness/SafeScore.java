package dev.mci.client.awareness;

import java.util.Objects;

/**
 * One user's SAFE score (reference 06 §2): the overall risk and its four components, each a grade
 * {@code A} (best) to {@code F} (no {@code E}).
 *
 * @param emailAddress the user's address
 * @param name display name (may be empty)
 * @param department department (may be empty)
 * @param risk the overall grade
 * @param humanError grade for human error (clicks on phishing, simulated or real)
 * @param sentiment grade for attitude towards security
 * @param engagement grade for keeping up with training
 * @param knowledge grade for answers to training questions
 * @param userState e.g. {@code ACTIVE}
 */
public record SafeScore(
    String emailAddress,
    String name,
    String department,
    String risk,
    String humanError,
    String sentiment,
    String engagement,
    String knowledge,
    String userState) {

  /** Checks nothing is null. */
  public SafeScore {
    Objects.requireNonNull(emailAddress, "emailAddress");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(humanError, "humanError");
    Objects.requireNonNull(sentiment, "sentiment");
    Objects.requireNonNull(engagement, "engagement");
    Objects.requireNonNull(knowledge, "knowledge");
    Objects.requireNonNull(userState, "userState");
  }
}
