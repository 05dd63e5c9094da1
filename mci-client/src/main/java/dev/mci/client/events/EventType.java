package dev.mci.client.events;

import java.util.Locale;
import java.util.Optional;

/**
 * The SIEM log types (reference 05 §5.1): the ten Cloud Gateway types with their exact wire
 * strings, plus {@link #WEB_SECURITY}, MCI's proposal for web security (DNS / proxy) logs, which
 * has no verified Mimecast contract (05 §7) and only works against the MCI simulator.
 */
public enum EventType {
  /** SMTP receipt: accepted or rejected. */
  RECEIPT("receipt", "receipt", true),
  /** Content processing: accepted, held or sandboxed. */
  PROCESS("process", "process", true),
  /** Delivery attempts. */
  DELIVERY("delivery", "delivery", true),
  /** Antivirus detections. */
  AV("av", "av", true),
  /** Spam event thread. */
  SPAM("spam", "spam", true),
  /** Internal Email Protect. */
  INTERNAL_EMAIL_PROTECT("internal email protect", "internal email protect", true),
  /** Impersonation Protect. */
  IMPERSONATION_PROTECT("impersonation protect", "impersonation protect", true),
  /** URL Protect. */
  URL_PROTECT("url protect", "url protect", true),
  /** Attachment Protect. */
  ATTACHMENT_PROTECT("attachment protect", "attachment protect", true),
  /** Journaling ({@code jrnl} in API 1.0 files). */
  JOURNAL("journal", "jrnl", true),
  /** Web security requests: MCI's proposed record, UNVERIFIED (no public Mimecast contract). */
  WEB_SECURITY("web security", "web security", false);

  private final String wire;
  private final String legacyName;
  private final boolean verified;

  EventType(String wire, String legacyName, boolean verified) {
    this.wire = wire;
    this.legacyName = legacyName;
    this.verified = verified;
  }

  /** The {@code type} value on the wire, e.g. {@code url protect}. */
  public String wire() {
    return wire;
  }

  /** The name on the command line: the wire value with dashes, e.g. {@code url-protect}. */
  public String cliName() {
    return wire.replace(' ', '-');
  }

  /** The log type name of API 1.0 files, e.g. {@code jrnl}. */
  public String legacyName() {
    return legacyName;
  }

  /** Whether a documented Mimecast endpoint serves this type (false for web security). */
  public boolean verified() {
    return verified;
  }

  /**
   * Reads a type leniently: the wire value, the CLI name or the enum name, case-insensitively;
   * {@code jrnl} reads as {@link #JOURNAL}.
   */
  public static Optional<EventType> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value =
        text.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ').replace('+', ' ');
    for (EventType type : values()) {
      if (type.wire.equals(value) || type.legacyName.equals(value)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
