package dev.mci.client.awareness;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One targeted user's result in a phishing-simulation campaign (reference 06 §5.2).
 *
 * @param email the user's address
 * @param name display name
 * @param department department
 * @param templateName the template the user received
 * @param status the furthest stage reached: {@code sent}, {@code opened}, {@code clicked} or {@code
 *     submitted}
 * @param userState e.g. {@code ACTIVE}
 * @param campaignsSent simulations sent to the user, across all campaigns
 * @param campaignsClicked simulations the user clicked, across all campaigns
 * @param trainingModulesAssigned training modules assigned to the user
 * @param correctAnswers training questions answered correctly
 * @param incorrectAnswers training questions answered incorrectly
 * @param scheduled when the simulated message was delivered
 * @param opened when the user opened it
 * @param clicked when the user clicked its link
 * @param submitted when the user submitted data
 * @param reported when the user reported it
 * @param clickedIp the IP that clicked
 * @param reactionTime time from delivery to the user's action, as Mimecast reports it (likely
 *     seconds; UNVERIFIED)
 */
public record PhishingResult(
    String email,
    String name,
    String department,
    String templateName,
    String status,
    String userState,
    int campaignsSent,
    int campaignsClicked,
    int trainingModulesAssigned,
    int correctAnswers,
    int incorrectAnswers,
    Optional<Instant> scheduled,
    Optional<Instant> opened,
    Optional<Instant> clicked,
    Optional<Instant> submitted,
    Optional<Instant> reported,
    Optional<String> clickedIp,
    OptionalLong reactionTime) {

  /** Checks nothing is null. */
  public PhishingResult {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(templateName, "templateName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(userState, "userState");
    Objects.requireNonNull(scheduled, "scheduled");
    Objects.requireNonNull(opened, "opened");
    Objects.requireNonNull(clicked, "clicked");
    Objects.requireNonNull(submitted, "submitted");
    Objects.requireNonNull(reported, "reported");
    Objects.requireNonNull(clickedIp, "clickedIp");
    Objects.requireNonNull(reactionTime, "reactionTime");
  }

  /**
   * Whether the user clicked the simulated link: a click time, or a status of {@code clicked} or
   * {@code submitted} (submitting implies clicking).
   */
  public boolean hasClicked() {
    return clicked.isPresent()
        || status.equalsIgnoreCase("clicked")
        || status.equalsIgnoreCase("submitted");
  }
}
