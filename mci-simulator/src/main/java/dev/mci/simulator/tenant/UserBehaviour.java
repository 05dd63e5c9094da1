package dev.mci.simulator.tenant;

import java.util.Objects;

/**
 * How one user treats links, decided once per tenant from the seed so that every area tells the
 * same story: Awareness Training (phishing simulations, SAFE scores, watchlist) and the URL Protect
 * logs (real clicks) read it from {@link Tenant#behaviour(User)} and {@link Tenant#riskyUsers()}.
 *
 * @param user the user
 * @param clickProneness how likely the user is to click a simulated phishing link, 0 to 1 (higher
 *     is worse); earlier simulation campaigns draw their clicks from it
 * @param clickedLatestSimulation whether the user clicked the link of the latest
 *     phishing-simulation campaign; true for every risky clicker
 * @param clicksRealLinks whether the user is a "risky clicker" who also clicks links in real mail:
 *     URL Protect logs show clicks by exactly these users
 * @param clickIp the IP the user's clicks come from (office egress or a home connection)
 */
public record UserBehaviour(
    User user,
    double clickProneness,
    boolean clickedLatestSimulation,
    boolean clicksRealLinks,
    String clickIp) {

  /** Checks nothing is null and a risky clicker also clicked the latest simulation. */
  public UserBehaviour {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(clickIp, "clickIp");
    if (clickProneness < 0 || clickProneness > 1) {
      throw new IllegalArgumentException("clickProneness out of [0, 1]: " + clickProneness);
    }
    if (clicksRealLinks && !clickedLatestSimulation) {
      throw new IllegalArgumentException("a risky clicker clicks the latest simulation too");
    }
  }
}
