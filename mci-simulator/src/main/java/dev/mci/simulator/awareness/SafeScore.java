package dev.mci.simulator.awareness;

import dev.mci.simulator.tenant.User;

/**
 * One user's SAFE score (reference 06 §2): four component scores and the overall risk, each a
 * number from 1 to 1000 shown as a grade.
 *
 * @param user the user
 * @param humanError clicks on simulated and real phishing links weigh it down
 * @param sentiment attitude towards security
 * @param engagement share of assigned training watched
 * @param knowledge share of questions answered correctly
 */
record SafeScore(User user, int humanError, int sentiment, int engagement, int knowledge) {

  /** The overall score, led by human error. */
  int risk() {
    return (int)
        Math.round(0.45 * humanError + 0.15 * sentiment + 0.2 * engagement + 0.2 * knowledge);
  }

  /**
   * The letter for a score: A 800-1000, B 600-799, C 400-599, D 200-399, F 1-199 (reference 06 §1;
   * the ranges are UNVERIFIED as Mimecast's own).
   */
  static String grade(int score) {
    if (score >= 800) {
      return "A";
    }
    if (score >= 600) {
      return "B";
    }
    if (score >= 400) {
      return "C";
    }
    return score >= 200 ? "D" : "F";
  }
}
