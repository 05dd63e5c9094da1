package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where one page request starts: the effective query (a token's query wins over {@code data}), the
 * offset and the page size. Turns the endpoint's results into {@code meta.pagination} with {@code
 * next} only while records remain and {@code previous} only after the first page.
 */
public final class PageCursor {

  private final PageTokens tokens;
  private final String endpoint;
  private final JsonNode query;
  private final long offset;
  private final int pageSize;

  PageCursor(PageTokens tokens, String endpoint, JsonNode query, long offset, int pageSize) {
    this.tokens = tokens;
    this.endpoint = endpoint;
    this.query = query;
    this.offset = offset;
    this.pageSize = pageSize;
  }

  /** The query to run: the token's when a token was sent, else the request's. */
  public JsonNode query() {
    return query;
  }

  /** Index of the first record of this page within all matching records. */
  public long offset() {
    return offset;
  }

  /** Number of records to return, 1 to 500. */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Pagination metadata for a page of {@code returned} records out of {@code totalCount}.
   *
   * @param returned records in this page
   * @param totalCount total matching records
   */
  public PageMeta meta(int returned, long totalCount) {
    Optional<String> next =
        returned > 0 && offset + returned < totalCount
            ? Optional.of(token(offset + returned))
            : Optional.empty();
    Optional<String> previous =
        offset > 0 ? Optional.of(token(Math.max(0, offset - pageSize))) : Optional.empty();
    return new PageMeta(returned, OptionalLong.of(totalCount), next, previous);
  }

  /** This page of an in-memory list of all matching records. */
  public <T> Page<T> slice(List<T> all) {
    int from = (int) Math.min(offset, all.size());
    int to = (int) Math.min((long) from + pageSize, all.size());
    List<T> items = all.subList(from, to);
    return new Page<>(items, meta(items.size(), all.size()));
  }

  private String token(long position) {
    return tokens.encode(new PageTokens.Position(endpoint, query, position, pageSize));
  }
}
