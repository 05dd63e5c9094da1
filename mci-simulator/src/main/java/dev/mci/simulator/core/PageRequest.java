package dev.mci.simulator.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The request's {@code meta.pagination}, already normalised: a page size below 1 counts as omitted
 * and one above {@link Paging#MAX_PAGE_SIZE} is clamped; a blank token counts as omitted.
 *
 * @param pageSize requested page size, 1 to 500
 * @param pageToken token from a previous response's {@code next} or {@code previous}
 */
public record PageRequest(OptionalInt pageSize, Optional<String> pageToken) {

  /** Checks nothing is null and the size is in range. */
  public PageRequest {
    Objects.requireNonNull(pageSize, "pageSize");
    Objects.requireNonNull(pageToken, "pageToken");
    pageSize.ifPresent(
        size -> {
          if (size < 1 || size > Paging.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size out of range: " + size);
          }
        });
  }

  /** No pagination input. */
  public static PageRequest none() {
    return new PageRequest(OptionalInt.empty(), Optional.empty());
  }

  /** Normalises raw values: {@code < 1} means omitted, {@code > 500} is clamped. */
  public static PageRequest of(OptionalInt rawPageSize, Optional<String> rawToken) {
    OptionalInt size =
        rawPageSize.isPresent() && rawPageSize.getAsInt() >= 1
            ? OptionalInt.of(Math.min(rawPageSize.getAsInt(), Paging.MAX_PAGE_SIZE))
            : OptionalInt.empty();
    return new PageRequest(size, rawToken.map(String::strip).filter(t -> !t.isEmpty()));
  }
}
