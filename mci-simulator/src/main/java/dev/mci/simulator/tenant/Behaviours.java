package dev.mci.simulator.tenant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides each user's {@link UserBehaviour} from the seed. About one user in ten is a risky
 * clicker; a few recipients of the planted phishing message are always among them, so that the
 * scenario has real clicks to find and the people who made them have a poor Awareness Training
 * record.
 */
final class Behaviours {

  /** Risky clickers guaranteed among the planted message's recipients. */
  static final int RISKY_SCENARIO_RECIPIENTS = 3;

  private static final long SALT_BEHAVIOUR = 0xBE4AL;
  private static final String OFFICE_EGRESS_IP = "198.51.100.24";

  private Behaviours() {}

  static List<UserBehaviour> derive(long seed, List<User> users, PhishingScenario scenario) {
    Set<Integer> risky = new HashSet<>();
    double[] proneness = new double[users.size()];
    boolean[] careless = new boolean[users.size()];
    for (User user : users) {
      Rng r = Rng.of(seed, SALT_BEHAVIOUR, user.index());
      double tier = r.nextDouble();
      // The administrator who released the planted message is never a risky clicker.
      if (tier < 0.10 && !user.address().equals(scenario.releasedBy())) {
        risky.add(user.index());
        proneness[user.index()] = 0.6 + 0.3 * r.nextDouble();
      } else if (tier < 0.25) {
        careless[user.index()] = true;
        proneness[user.index()] = 0.3 + 0.2 * r.nextDouble();
      } else {
        proneness[user.index()] = 0.02 + 0.18 * r.nextDouble();
      }
    }
    // Recipients in the scenario's (seeded) order; the held VIP and the releasing administrator
    // are never forced, so the story stays "staff clicked, the admin released".
    int riskyRecipients = 0;
    List<User> promote = new ArrayList<>();
    for (Mailbox recipient : scenario.recipients()) {
      User user =
          users.stream().filter(u -> u.mailbox().equals(recipient)).findFirst().orElse(null);
      if (user == null) {
        continue;
      }
      if (risky.contains(user.index())) {
        riskyRecipients++;
      } else if (!recipient.equals(scenario.heldRecipient())
          && !user.address().equals(scenario.releasedBy())) {
        promote.add(user);
      }
    }
    for (int i = 0; riskyRecipients < RISKY_SCENARIO_RECIPIENTS && i < promote.size(); i++) {
      User user = promote.get(i);
      risky.add(user.index());
      proneness[user.index()] = Math.max(proneness[user.index()], 0.65);
      riskyRecipients++;
    }
    List<UserBehaviour> behaviours = new ArrayList<>(users.size());
    for (User user : users) {
      Rng r = Rng.of(seed, SALT_BEHAVIOUR + 1, user.index());
      boolean isRisky = risky.contains(user.index());
      boolean clicked = isRisky || (careless[user.index()] ? r.chance(0.5) : r.chance(0.03));
      String ip =
          r.chance(0.7)
              ? OFFICE_EGRESS_IP
              : "100.64." + r.between(0, 255) + "." + r.between(1, 254);
      behaviours.add(new UserBehaviour(user, proneness[user.index()], clicked, isRisky, ip));
    }
    return List.copyOf(behaviours);
  }
}
