package dev.mci.client.awareness;

import java.util.List;
import java.util.Optional;

/**
 * The users an address or display name may mean.
 *
 * @param exact users whose address, or whole display name, equals the text (ignoring case)
 * @param partial users whose display name merely contains the text; suggestions when nothing is
 *     exact
 */
public record UserMatches(List<AwarenessUser> exact, List<AwarenessUser> partial) {

  /** Copies the lists. */
  public UserMatches {
    exact = List.copyOf(exact);
    partial = List.copyOf(partial);
  }

  /** The one user meant, when exactly one matches exactly. */
  public Optional<AwarenessUser> unique() {
    return exact.size() == 1 ? Optional.of(exact.get(0)) : Optional.empty();
  }
}
