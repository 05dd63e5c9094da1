package dev.mci.store;

import java.util.List;

/**
 * What a hunt found.
 *
 * @param rows the events, newest first, at most the query's limit
 * @param total how many events match in all
 */
public record HuntResult(List<HuntRow> rows, long total) {

  /** Copies the list. */
  public HuntResult {
    rows = List.copyOf(rows);
  }

  /** Whether the limit cut the result short. */
  public boolean truncated() {
    return total > rows.size();
  }
}
