package dev.mci.simulator.awareness;

import dev.mci.simulator.tenant.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One targeted user's result in one campaign (reference 06 §5.2).
 *
 * @param user the user
 * @param templateName the template the user received
 * @param scheduled when the simulated message was delivered
 * @param opened when it was opened
 * @param clicked when its link was clicked
 * @param submitted when credentials were submitted on the landing page
 * @param reported when the user reported it
 * @param clickedIp the IP that clicked
 */
record PhishingResult(
    User user,
    String templateName,
    Instant scheduled,
    Optional<Instant> opened,
    Optional<Instant> clicked,
    Optional<Instant> submitted,
    Optional<Instant> reported,
    Optional<String> clickedIp) {

  /**
   * The furthest stage reached: {@code submitted}, {@code clicked}, {@code opened} or {@code sent}.
   */
  String status() {
    if (submitted.isPresent()) {
      return "submitted";
    }
    if (clicked.isPresent()) {
      return "clicked";
    }
    return opened.isPresent() ? "opened" : "sent";
  }

  /** Seconds from delivery to the user's first reaction (click, report or open); 0 without one. */
  long reactionSeconds() {
    Optional<Instant> first = clicked.or(() -> reported).or(() -> opened);
    return first.map(t -> Duration.between(scheduled, t).getSeconds()).orElse(0L);
  }
}
