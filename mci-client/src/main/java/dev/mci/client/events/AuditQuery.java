package dev.mci.client.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link EventsApi#auditEvents} asks for (reference 05 §6.1).
 *
 * @param start first instant (required by the API)
 * @param end last instant (required by the API)
 * @param query optional free-text filter, null for none
 * @param categories category codes to keep; empty for all
 * @param pageSize records per page, 1 to 500
 */
public record AuditQuery(
    Instant start, Instant end, String query, List<String> categories, int pageSize) {

  /** Default page size; 100 is the most the API 2.0 gateway is said to allow (UNVERIFIED). */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** Copies the list and checks the dates are present. */
  public AuditQuery {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** All events in {@code [start, end]} with the default page size. */
  public static AuditQuery between(Instant start, Instant end) {
    return new AuditQuery(start, end, null, List.of(), DEFAULT_PAGE_SIZE);
  }
}
