package dev.mci.cli.support;

import dev.mci.cli.UserInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time window from {@code --since}/{@code --until}. Each bound is ISO-8601 (an instant, a date
 * time with offset, a UTC date time, or a date) or relative to now: {@code 10m}, {@code 24h},
 * {@code 7d}, {@code 2w}, {@code 30s}.
 */
public record TimeWindow(Instant since, Instant until) {
  private static final Pattern RELATIVE = Pattern.compile("(\\d+)\\s*([smhdw])");

  /**
   * Resolves the two options against the clock.
   *
   * @param defaultSince used when {@code --since} is absent, e.g. {@code "24h"}
   * @throws UserInputException naming the option and the accepted forms, or when since is not
   *     before until
   */
  public static TimeWindow resolve(String since, String until, String defaultSince, Clock clock) {
    Instant now = clock.instant();
    Instant end = until == null ? now : parse("--until", until, now);
    Instant start = parse("--since", since == null ? defaultSince : since, now);
    if (!start.isBefore(end)) {
      throw new UserInputException(
          "--since ("
              + start
              + ") is not before --until ("
              + end
              + "); swap them or widen the window");
    }
    return new TimeWindow(start, end);
  }

  /** Parses one bound; relative values count back from {@code now}. */
  public static Instant parse(String option, String text, Instant now) {
    String value = text.trim();
    Matcher relative = RELATIVE.matcher(value.toLowerCase());
    if (relative.matches()) {
      long amount = Long.parseLong(relative.group(1));
      Duration unit =
          switch (relative.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
          };
      return now.minus(unit.multipliedBy(amount));
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notInstant) {
      // try the next form
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notOffset) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      // try the next form
    }
    try {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notDate) {
      throw new UserInputException(
          option
              + " '"
              + text
              + "' is not a time: use ISO-8601 (2025-03-01, 2025-03-01T09:30:00Z) or a relative"
              + " age such as 10m, 24h, 7d");
    }
  }
}
