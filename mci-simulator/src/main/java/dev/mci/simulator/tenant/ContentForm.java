package dev.mci.simulator.tenant;

import java.util.Locale;
import java.util.Optional;

/**
 * Which copy of a message: as Mimecast received it, or as Mimecast delivered it after its policies
 * (URL rewriting, banners, attachment replacement). The wire values are the API's {@code context}
 * values (reference 02 §2.2, §3.2).
 */
public enum ContentForm {
  /** The copy Mimecast originally received. */
  RECEIVED,
  /** The processed copy handed to the recipient's mail server. */
  DELIVERED;

  /** The wire value, e.g. {@code RECEIVED}. */
  public String wire() {
    return name();
  }

  /** Reads a wire value, case-insensitively. */
  public static Optional<ContentForm> fromWire(String value) {
    for (ContentForm form : values()) {
      if (form.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
        return Optional.of(form);
      }
    }
    return Optional.empty();
  }
}
