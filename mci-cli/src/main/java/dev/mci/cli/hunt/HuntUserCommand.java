package dev.mci.cli.hunt;

import dev.mci.cli.CliContext;
import dev.mci.cli.UserInputException;
import dev.mci.store.HuntKind;
import picocli.CommandLine.Command;

/** {@code mci hunt user ADDRESS}. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description =
        "Events about a user: mail to or from the address, and the user's audit and web security"
            + " events.")
public final class HuntUserCommand extends CannedHunt {

  public HuntUserCommand(CliContext context) {
    super(context);
  }

  @Override
  HuntKind kind() {
    return HuntKind.USER;
  }

  @Override
  void validate(String indicator) {
    if (!isAddress(indicator)) {
      throw new UserInputException("'" + indicator + "' is not an e-mail address");
    }
  }
}
