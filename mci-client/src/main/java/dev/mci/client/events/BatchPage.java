package dev.mci.client.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer of {@code GET /siem/v1/batch/events/cg} (reference 05 §3.2).
 *
 * @param files the batch files of this page, oldest first
 * @param nextPage the cursor to persist and send next ({@code @nextPage}); empty when absent
 * @param caughtUp {@code isCaughtUp}: nothing newer exists yet
 */
public record BatchPage(List<BatchFile> files, Optional<String> nextPage, boolean caughtUp) {

  /** Copies the list. */
  public BatchPage {
    files = List.copyOf(files);
    Objects.requireNonNull(nextPage, "nextPage");
  }
}
