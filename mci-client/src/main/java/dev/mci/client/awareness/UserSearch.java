package dev.mci.client.awareness;

import java.util.Locale;
import java.util.Objects;

/**
 * Narrows a per-user listing (the {@code searchBy} of reference 06 §1). The client applies the same
 * rule to what comes back, so the result is right even where Mimecast ignores the field.
 *
 * @param field what to match
 * @param value the text to match
 */
public record UserSearch(Field field, String value) {

  /** What a search matches. */
  public enum Field {
    /** The address, exactly (ignoring case). */
    EMAIL("email"),
    /** The display name, as a substring (ignoring case). */
    NAME("name"),
    /** The department, exactly (ignoring case). */
    DEPARTMENT("department");

    private final String wire;

    Field(String wire) {
      this.wire = wire;
    }

    /** The {@code searchBy.fieldName} value. */
    public String wireValue() {
      return wire;
    }
  }

  /** Checks nothing is null or blank. */
  public UserSearch {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    value = value.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a user search needs a value");
    }
  }

  /** Users with this address. */
  public static UserSearch email(String address) {
    return new UserSearch(Field.EMAIL, address);
  }

  /** Users whose display name contains this text. */
  public static UserSearch name(String text) {
    return new UserSearch(Field.NAME, text);
  }

  /** Users of this department. */
  public static UserSearch department(String department) {
    return new UserSearch(Field.DEPARTMENT, department);
  }

  /** Whether a returned record with this address, name and department matches. */
  boolean matches(String email, String name, String department) {
    String wanted = value.toLowerCase(Locale.ROOT);
    switch (field) {
      case EMAIL:
        return email.equalsIgnoreCase(value);
      case NAME:
        return name.toLowerCase(Locale.ROOT).contains(wanted);
      default:
        return department.equalsIgnoreCase(value);
    }
  }
}
