package dev.mci.cli.awareness;

import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.client.awareness.AwarenessApi;
import dev.mci.client.awareness.AwarenessUser;
import dev.mci.client.awareness.UserMatches;
import dev.mci.client.awareness.UserSearch;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns what the analyst typed after {@code --user} into one Awareness Training user. */
final class Users {

  private static final int SHOWN = 5;

  private Users() {}

  /**
   * The one user an address or display name means.
   *
   * @throws UserInputException "unknown user" (exit 7) or "ambiguous" (exit 2), listing candidates
   */
  static AwarenessUser resolve(AwarenessApi awareness, String addressOrName) {
    if (addressOrName == null || addressOrName.isBlank()) {
      throw new UserInputException("--user is blank: give an address or a display name");
    }
    String text = addressOrName.strip();
    UserMatches matches = awareness.findUsers(text);
    if (matches.exact().size() == 1) {
      return matches.exact().get(0);
    }
    if (matches.exact().size() > 1) {
      throw new UserInputException(
          "--user '"
              + text
              + "' is ambiguous: "
              + matches.exact().size()
              + " users have that name ("
              + list(matches.exact())
              + "); give the address instead");
    }
    String suggestion =
        matches.partial().isEmpty() ? "" : "; did you mean " + list(matches.partial()) + "?";
    throw new UserInputException(
        "unknown user '"
            + text
            + "': no Awareness Training user has that "
            + (text.contains("@") ? "address" : "display name")
            + suggestion,
        ExitCode.NOT_FOUND);
  }

  /** A department search, or empty when no department was given. */
  static Optional<UserSearch> department(String department) {
    if (department == null) {
      return Optional.empty();
    }
    if (department.isBlank()) {
      throw new UserInputException("--department is blank: give a department name, e.g. Finance");
    }
    return Optional.of(UserSearch.department(department));
  }

  private static String list(List<AwarenessUser> users) {
    String shown =
        users.stream().limit(SHOWN).map(AwarenessUser::toString).collect(Collectors.joining(", "));
    return users.size() > SHOWN ? shown + " and " + (users.size() - SHOWN) + " more" : shown;
  }
}
