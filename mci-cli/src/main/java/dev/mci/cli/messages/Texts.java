package dev.mci.cli.messages;

import dev.mci.client.messages.EmailAddress;
import java.util.List;
import java.util.stream.Collectors;

/** Small formatting helpers for message commands. */
final class Texts {

  private Texts() {}

  static String address(EmailAddress address) {
    if (address == null || address.emailAddress() == null) {
      return "";
    }
    String name = address.displayableName();
    return name == null || name.isBlank() || name.equals(address.emailAddress())
        ? address.emailAddress()
        : name + " <" + address.emailAddress() + ">";
  }

  static String addresses(List<EmailAddress> addresses) {
    return addresses == null
        ? ""
        : addresses.stream().map(Texts::address).collect(Collectors.joining("; "));
  }

  static String bare(List<EmailAddress> addresses) {
    return addresses == null
        ? ""
        : addresses.stream()
            .map(EmailAddress::emailAddress)
            .filter(a -> a != null)
            .collect(Collectors.joining(";"));
  }
}
