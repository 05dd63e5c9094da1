package dev.mci.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One investigation case in the index. The case folder is the record; the index only finds it.
 *
 * @param id the case id
 * @param created when the case was opened
 * @param indicator what started it (a message id, address, URL, hash ...)
 * @param type the indicator's kind, e.g. {@code message-id}, {@code sender}, {@code url}
 * @param folder where the case folder is
 * @param status e.g. {@code open}, {@code closed}
 * @param summary one line about it; may be null
 */
public record CaseEntry(
    String id,
    Instant created,
    String indicator,
    String type,
    String folder,
    String status,
    String summary) {

  /** Checks everything but the summary is present. */
  public CaseEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(status, "status");
  }
}
