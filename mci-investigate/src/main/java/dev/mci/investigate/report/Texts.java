package dev.mci.investigate.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formatting shared by the reports. */
final class Texts {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Texts() {}

  /** {@code 2025-03-01 09:30:00 UTC}, or empty. */
  static String time(Instant instant) {
    return instant == null ? "" : UTC.format(instant);
  }

  static String orEmpty(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
