package dev.mci.client.groups;

import java.util.Locale;

/** Where a directory group is maintained. */
public enum GroupSource {
  /** A Mimecast-native ("cloud") group. */
  CLOUD,
  /** A group synchronised from the customer's directory. */
  LDAP;

  /** The wire value: {@code cloud} or {@code ldap}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
