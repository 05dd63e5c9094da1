package dev.mci.cli.hunt;

import dev.mci.cli.CliContext;
import dev.mci.cli.UserInputException;
import dev.mci.store.HuntKind;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;

/** {@code mci hunt hash SHA256}. */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    description = "Events about a file with this SHA-256 (attachment protect, antivirus).")
public final class HuntHashCommand extends CannedHunt {

  private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]+$");

  public HuntHashCommand(CliContext context) {
    super(context);
  }

  @Override
  HuntKind kind() {
    return HuntKind.HASH;
  }

  @Override
  void validate(String indicator) {
    if (!HEX.matcher(indicator).matches()) {
      throw new UserInputException("'" + indicator + "' is not a hexadecimal SHA-256");
    }
    if (indicator.length() == 32 || indicator.length() == 40) {
      throw new UserInputException(
          "'"
              + indicator
              + "' looks like an "
              + (indicator.length() == 32 ? "MD5" : "SHA-1")
              + " hash; hunts search SHA-256 (64 hex digits)");
    }
    if (indicator.length() != 64) {
      throw new UserInputException(
          "a SHA-256 has 64 hex digits; '" + indicator + "' has " + indicator.length());
    }
  }
}
