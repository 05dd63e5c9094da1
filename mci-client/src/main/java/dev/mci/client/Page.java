package dev.mci.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a listing.
 *
 * @param items the records of this page, never null
 * @param nextPageToken the opaque token for the next page; empty on the last page
 * @param totalCount the total number of matches, when the server reports it
 * @param <T> the record type
 */
public record Page<T>(List<T> items, Optional<String> nextPageToken, OptionalLong totalCount) {

  /** Copies the items and treats a blank token as no token. */
  public Page {
    items = List.copyOf(items);
    nextPageToken =
        Objects.requireNonNullElse(nextPageToken, Optional.<String>empty())
            .filter(token -> !token.isBlank());
    totalCount = Objects.requireNonNullElse(totalCount, OptionalLong.empty());
  }

  /**
   * Whether another page should be fetched: a next token is present <em>and</em> this page holds
   * records. An empty page ends the listing even if it carries a token (the API reference records
   * such pages); the page size reported by the server is never consulted.
   */
  public boolean hasNext() {
    return nextPageToken.isPresent() && !items.isEmpty();
  }
}
