package dev.mci.simulator.core;

import java.util.List;
import java.util.Objects;

/**
 * One page of records and its {@code meta.pagination}.
 *
 * @param items the records of this page
 * @param meta the pagination metadata to return
 */
public record Page<T>(List<T> items, PageMeta meta) {

  /** Copies the list. */
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(meta, "meta");
  }
}
