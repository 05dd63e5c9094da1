package dev.mci.client.awareness;

import java.util.List;
import java.util.Objects;

/**
 * One user's Awareness Training record (reference 06 §6): assignments, watch dates, answers,
 * watchlist status and badges.
 *
 * @param emailAddress the user asked about
 * @param modules the assigned modules, as Mimecast lists them
 * @param needEngagement whether Mimecast flags the user as needing engagement
 * @param badges the merit badges earned (the names under {@code meritBadge} whose value is not
 *     {@code false}; that object's content is UNVERIFIED)
 */
public record TrainingDetails(
    String emailAddress,
    List<TrainingAssignment> modules,
    boolean needEngagement,
    List<String> badges) {

  /** Copies the lists and checks nothing is null. */
  public TrainingDetails {
    Objects.requireNonNull(emailAddress, "emailAddress");
    modules = List.copyOf(modules);
    badges = List.copyOf(badges);
  }

  /** Modules assigned but not watched: the completion gaps. */
  public List<TrainingAssignment> notWatched() {
    return modules.stream().filter(m -> !m.watched()).toList();
  }
}
