package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates on {@code /api/...} (reference 00 §6, 01 §0.5): always written as {@code
 * yyyy-MM-dd'T'HH:mm:ss+0000}; read leniently as {@code +0000}, {@code +00:00}, {@code Z} or any
 * other numeric offset, with optional fractional seconds; no offset at all means UTC.
 */
public final class ApiDates {

  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          // A date without any offset is read as UTC rather than rejected (lenient reading).
          .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
          .toFormatter(Locale.ROOT);

  private ApiDates() {}

  /** Formats in the response form, e.g. {@code 2025-03-01T00:00:00+0000}. */
  public static String format(Instant instant) {
    return WRITE.format(instant);
  }

  /** Parses a request date; empty when the text is not a date-time with an offset. */
  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.strip(), READ).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The date in a request item's {@code field}: empty when absent or blank; when present but not a
   * date, empty with an {@code err_validation_invalid_date} error on the field added to {@code
   * errors}.
   */
  public static Optional<Instant> field(JsonNode item, String field, List<ApiError> errors) {
    Optional<String> text = Json.text(item, field).map(String::strip).filter(v -> !v.isEmpty());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> parsed = parse(text.get());
    if (parsed.isEmpty()) {
      errors.add(
          ApiError.onField(
              ErrorCodes.VALIDATION_INVALID_DATE,
              "Date must look like 2025-03-01T00:00:00+0000",
              field));
    }
    return parsed;
  }
}
