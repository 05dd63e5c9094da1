package dev.mci.cli.hunt;

import dev.mci.cli.CliContext;
import dev.mci.cli.UserInputException;
import dev.mci.store.HuntKind;
import picocli.CommandLine.Command;

/** {@code mci hunt sender ADDRESS}. */
@Command(
    name = "sender",
    mixinStandardHelpOptions = true,
    description = "Events sent by an address: envelope sender or header From, in every log type.")
public final class HuntSenderCommand extends CannedHunt {

  public HuntSenderCommand(CliContext context) {
    super(context);
  }

  @Override
  HuntKind kind() {
    return HuntKind.SENDER;
  }

  @Override
  void validate(String indicator) {
    if (!isAddress(indicator)) {
      throw new UserInputException(
          "'" + indicator + "' is not an e-mail address; for a whole domain use 'mci hunt domain'");
    }
  }
}
