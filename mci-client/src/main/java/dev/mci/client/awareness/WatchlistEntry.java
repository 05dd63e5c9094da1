package dev.mci.client.awareness;

import java.util.Objects;

/**
 * One user on the watchlist (reference 06 §4).
 *
 * @param email the user's address
 * @param name display name
 * @param department department
 * @param watchlistCount how many times the user was put on the watchlist (a wrong answer, a
 *     simulation click)
 * @param userState e.g. {@code ACTIVE}
 */
public record WatchlistEntry(
    String email, String name, String department, int watchlistCount, String userState) {

  /** Checks nothing is null. */
  public WatchlistEntry {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(userState, "userState");
  }
}
