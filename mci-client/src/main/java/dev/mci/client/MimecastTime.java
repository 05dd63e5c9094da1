package dev.mci.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Dates in {@code /api/...} bodies. The client writes {@code yyyy-MM-dd'T'HH:mm:ss+0000} and reads
 * {@code +0000}, {@code +00:00} and {@code Z} offsets (and any other numeric offset), with optional
 * fractional seconds.
 */
public final class MimecastTime {

  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .appendOffset("+HHmm", "Z")
          .toFormatter();

  private MimecastTime() {}

  /** Formats an instant in UTC, e.g. {@code 2025-03-01T00:00:00+0000}; sub-seconds are dropped. */
  public static String format(Instant instant) {
    return WRITE.format(instant);
  }

  /**
   * Parses a Mimecast date such as {@code 2021-10-18T08:45:02+0000}, {@code ...+00:00} or {@code
   * ...Z}.
   *
   * @throws IllegalArgumentException naming the value if it is not such a date
   */
  public static Instant parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("date is missing");
    }
    String value = text.strip();
    // The reader's offset pattern has no colon; "+00:00" is turned into "+0000" first.
    int length = value.length();
    if (length > 6 && value.charAt(length - 3) == ':' && isSign(value.charAt(length - 6))) {
      value = value.substring(0, length - 3) + value.substring(length - 2);
    }
    try {
      return OffsetDateTime.parse(value, READ).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a date like 2025-03-01T00:00:00+0000", e);
    }
  }

  private static boolean isSign(char c) {
    return c == '+' || c == '-';
  }
}
