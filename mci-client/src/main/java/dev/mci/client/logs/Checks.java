package dev.mci.client.logs;

import dev.mci.client.InvalidRequestException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Client-side checks shared by the log queries, so that a mistake fails before any call. */
final class Checks {

  /** The largest page any log endpoint returns. */
  static final int MAX_PAGE_SIZE = 500;

  private Checks() {}

  /** The value lower-cased when it is one of {@code allowed}; null stays null. */
  static String oneOf(String endpoint, String option, String value, Set<String> allowed) {
    if (value == null) {
      return null;
    }
    String normalised = value.strip().toLowerCase(Locale.ROOT);
    for (String candidate : allowed) {
      if (candidate.toLowerCase(Locale.ROOT).equals(normalised)) {
        return candidate;
      }
    }
    throw new InvalidRequestException(
        endpoint,
        option + " '" + value + "' is not one of " + String.join(", ", new TreeSet<>(allowed)));
  }

  /** A start that is not after the end. */
  static void window(String endpoint, Instant start, Instant end) {
    if (start != null && end != null && start.isAfter(end)) {
      throw new InvalidRequestException(
          endpoint, "start (--since) " + start + " is after end (--until) " + end + ": swap them");
    }
  }

  static void pageSize(String endpoint, int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          endpoint, "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
    }
  }

  /** A search value that is present when its field is. */
  static void search(String endpoint, String field, String value) {
    if (field != null && (value == null || value.isBlank())) {
      throw new InvalidRequestException(
          endpoint, "searching by " + field + " needs a value to search for");
    }
  }
}
