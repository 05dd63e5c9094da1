package dev.mci.simulator.events;

import java.util.Locale;
import java.util.Optional;

/**
 * The log types of the simulated event stream: the ten Cloud Gateway types of reference 05 §5.1
 * (exact wire strings, lower case with spaces) plus the MCI-proposed web security log of 05 §7,
 * which has no verified Mimecast contract (UNVERIFIED: simulator-only).
 */
public enum SiemType {
  /** SMTP receipt: accepted or rejected. */
  RECEIPT("receipt", "receipt"),
  /** Content processing: accepted, held or sandboxed. */
  PROCESS("process", "process"),
  /** Delivery attempts. */
  DELIVERY("delivery", "delivery"),
  /** Antivirus detections. */
  AV("av", "av"),
  /** Spam event thread. */
  SPAM("spam", "spam"),
  /** Internal Email Protect. */
  INTERNAL_EMAIL_PROTECT("internal email protect", "internal email protect"),
  /** Impersonation Protect. */
  IMPERSONATION_PROTECT("impersonation protect", "impersonation protect"),
  /** URL Protect (clicks). */
  URL_PROTECT("url protect", "url protect"),
  /** Attachment Protect. */
  ATTACHMENT_PROTECT("attachment protect", "attachment protect"),
  /** Journaling. */
  JOURNAL("journal", "jrnl"),
  /** Web security (DNS / proxy) requests: MCI's proposal, UNVERIFIED (05 §7). */
  WEB_SECURITY("web security", "web security");

  private final String wire;
  private final String legacyName;

  SiemType(String wire, String legacyName) {
    this.wire = wire;
    this.legacyName = legacyName;
  }

  /** The {@code type} value on the wire, e.g. {@code url protect}. */
  public String wire() {
    return wire;
  }

  /** The log type name of the API 1.0 files, e.g. {@code jrnl}. */
  public String legacyName() {
    return legacyName;
  }

  /** Whether the type is part of Mimecast's documented Cloud Gateway stream (not web security). */
  public boolean cloudGateway() {
    return this != WEB_SECURITY;
  }

  /** Reads a wire value; {@code +}, {@code _} and {@code -} count as spaces, case-insensitively. */
  public static Optional<SiemType> fromWire(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String normalised =
        value
            .strip()
            .toLowerCase(Locale.ROOT)
            .replace('+', ' ')
            .replace('_', ' ')
            .replace('-', ' ');
    for (SiemType type : values()) {
      if (type.wire.equals(normalised)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
