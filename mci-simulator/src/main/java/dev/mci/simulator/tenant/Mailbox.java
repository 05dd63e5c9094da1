package dev.mci.simulator.tenant;

import java.util.Locale;
import java.util.Objects;

/**
 * An e-mail address with its display name.
 *
 * @param displayName display name, may be empty
 * @param address the address, lower case
 */
public record Mailbox(String displayName, String address) {

  /** Checks both parts are present and the address has a domain. */
  public Mailbox {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(address, "address");
    if (address.indexOf('@') <= 0) {
      throw new IllegalArgumentException("not an e-mail address: " + address);
    }
  }

  /** The domain part, lower case. */
  public String domain() {
    return address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
  }
}
