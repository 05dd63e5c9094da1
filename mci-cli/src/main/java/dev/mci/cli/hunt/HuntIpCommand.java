package dev.mci.cli.hunt;

import dev.mci.cli.CliContext;
import dev.mci.cli.UserInputException;
import dev.mci.store.HuntKind;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;

/** {@code mci hunt ip IP}. */
@Command(
    name = "ip",
    mixinStandardHelpOptions = true,
    description = "Events involving an IP: sending, source, destination or device address.")
public final class HuntIpCommand extends CannedHunt {

  private static final Pattern IPV4 =
      Pattern.compile(
          "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
  private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:]{2,39}$");

  public HuntIpCommand(CliContext context) {
    super(context);
  }

  @Override
  HuntKind kind() {
    return HuntKind.IP;
  }

  @Override
  void validate(String indicator) {
    if (!IPV4.matcher(indicator).matches()
        && !(indicator.contains(":") && IPV6.matcher(indicator).matches())) {
      throw new UserInputException(
          "'" + indicator + "' is not an IP address such as 203.0.113.7 (no ranges or names)");
    }
  }
}
