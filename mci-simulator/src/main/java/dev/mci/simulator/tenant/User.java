package dev.mci.simulator.tenant;

import java.util.Objects;

/**
 * An internal mailbox owner.
 *
 * @param index position in {@link Tenant#users()}
 * @param mailbox display name and address
 * @param firstName given name
 * @param lastName family name
 * @param department department, e.g. {@code Finance}
 * @param title job title
 */
public record User(
    int index,
    Mailbox mailbox,
    String firstName,
    String lastName,
    String department,
    String title) {

  /** Checks nothing is null. */
  public User {
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(title, "title");
  }

  /** The user's e-mail address. */
  public String address() {
    return mailbox.address();
  }

  /** The user's display name. */
  public String displayName() {
    return mailbox.displayName();
  }
}
