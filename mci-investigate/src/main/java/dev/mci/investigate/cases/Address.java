package dev.mci.investigate.cases;

import java.util.Locale;

/**
 * An e-mail address with the display name it was shown with.
 *
 * @param address the address, lower case; may be empty when the server sent none
 * @param displayName the display name, null when not reported
 */
public record Address(String address, String displayName) {

  /** Lower-cases the address; null becomes empty. */
  public Address {
    address = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
  }

  /** The domain part, lower case; empty when the address has none. */
  public String domain() {
    int at = address.lastIndexOf('@');
    return at < 0 ? "" : address.substring(at + 1);
  }
}
