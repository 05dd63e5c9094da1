package dev.mci.client.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of {@code GET /siem/v1/events/cg} (reference 05 §4.2).
 *
 * @param events the events of this page
 * @param nextPage {@code @nextPage}, the cursor of the following page; empty when absent
 * @param caughtUp {@code isCaughtUp}: the stream has reached "now"
 */
public record StreamPage(List<SiemEvent> events, Optional<String> nextPage, boolean caughtUp) {

  /** Copies the list. */
  public StreamPage {
    events = List.copyOf(events);
    Objects.requireNonNull(nextPage, "nextPage");
  }
}
