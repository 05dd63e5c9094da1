package dev.mci.simulator.awareness;

import dev.mci.simulator.tenant.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One user's Awareness Training modules (reference 06 §6): what was assigned, watched and answered.
 *
 * @param user the user
 * @param modules progress per assigned module, oldest first
 * @param badges earned merit badges
 */
record TrainingRecord(User user, List<Progress> modules, List<String> badges) {

  TrainingRecord {
    modules = List.copyOf(modules);
    badges = List.copyOf(badges);
  }

  /**
   * Progress on one module.
   *
   * @param module the module
   * @param watched when it was watched; empty when not (yet) watched
   * @param correct whether the question was answered correctly; empty when not watched
   */
  record Progress(TrainingModule module, Optional<Instant> watched, Optional<Boolean> correct) {

    /** {@code CORRECT} or {@code INCORRECT}; empty when not watched. */
    Optional<String> answer() {
      return correct.map(c -> c ? "CORRECT" : "INCORRECT");
    }

    /** A wrong answer puts the user on the watchlist for this module. */
    boolean onWatchlist() {
      return correct.map(c -> !c).orElse(false);
    }
  }

  long correct() {
    return modules.stream().filter(p -> p.correct().orElse(false)).count();
  }

  long incorrect() {
    return modules.stream().filter(Progress::onWatchlist).count();
  }

  long notWatched() {
    return modules.stream().filter(p -> p.watched().isEmpty()).count();
  }

  /** Behind on two modules or more. */
  boolean needEngagement() {
    return notWatched() >= 2;
  }
}
