package dev.mci.client.awareness;

import java.util.Objects;

/**
 * A person known to Awareness Training.
 *
 * @param emailAddress the address
 * @param name the display name (may be empty)
 * @param department the department (may be empty)
 */
public record AwarenessUser(String emailAddress, String name, String department) {

  /** Checks nothing is null. */
  public AwarenessUser {
    Objects.requireNonNull(emailAddress, "emailAddress");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(department, "department");
  }

  /** {@code Name <address>}, or the address alone when there is no name. */
  @Override
  public String toString() {
    return name.isEmpty() ? emailAddress : name + " <" + emailAddress + ">";
  }
}
