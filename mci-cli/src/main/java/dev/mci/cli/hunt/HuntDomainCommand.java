package dev.mci.cli.hunt;

import dev.mci.cli.CliContext;
import dev.mci.cli.UserInputException;
import dev.mci.store.HuntKind;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;

/** {@code mci hunt domain DOMAIN}. */
@Command(
    name = "domain",
    mixinStandardHelpOptions = true,
    description =
        "Events involving a domain or its sub-domains: sender, header From, clicked URL or web"
            + " request host.")
public final class HuntDomainCommand extends CannedHunt {

  private static final Pattern DOMAIN = Pattern.compile("(?i)^[@.*]*([a-z0-9-]+\\.)+[a-z0-9-]+$");

  public HuntDomainCommand(CliContext context) {
    super(context);
  }

  @Override
  HuntKind kind() {
    return HuntKind.DOMAIN;
  }

  @Override
  void validate(String indicator) {
    if (indicator.contains("@") && isAddress(indicator)) {
      throw new UserInputException(
          "'"
              + indicator
              + "' is an address, not a domain; use 'mci hunt sender' or 'mci hunt user'");
    }
    if (!DOMAIN.matcher(indicator).matches()) {
      throw new UserInputException("'" + indicator + "' is not a domain such as example.com");
    }
  }
}
