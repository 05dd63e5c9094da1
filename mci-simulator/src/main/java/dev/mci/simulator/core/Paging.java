package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The one paging helper every paginated endpoint uses (reference 00 §7, README decisions): default
 * page size when omitted (configurable, 25), maximum 500, opaque tokens carrying query and
 * position.
 */
public final class Paging {

  /** Largest page size; larger requests are clamped without an error. */
  public static final int MAX_PAGE_SIZE = 500;

  private final int defaultPageSize;
  private final PageTokens tokens;

  /** A helper with this default page size and token codec. */
  public Paging(int defaultPageSize, PageTokens tokens) {
    if (defaultPageSize < 1 || defaultPageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("default page size out of range: " + defaultPageSize);
    }
    this.defaultPageSize = defaultPageSize;
    this.tokens = tokens;
  }

  /**
   * Opens the page a request asks for.
   *
   * @param endpoint the endpoint path; tokens are only valid on the endpoint that minted them
   * @param request the request's pagination input
   * @param dataQuery the query taken from the request's {@code data}, used without a token
   * @throws ItemFailure {@code xdk_failure} "0007 Invalid token" when the token is not ours
   */
  public PageCursor open(String endpoint, PageRequest request, JsonNode dataQuery) {
    if (request.pageToken().isEmpty()) {
      return new PageCursor(
          tokens, endpoint, dataQuery, 0, request.pageSize().orElse(defaultPageSize));
    }
    Optional<PageTokens.Position> position = tokens.decode(request.pageToken().get(), endpoint);
    if (position.isEmpty()) {
      throw new ItemFailure(
          ApiError.onField(ErrorCodes.INVALID_TOKEN, "0007 Invalid token", "pageToken"));
    }
    PageTokens.Position p = position.get();
    // The token's query wins over data; an explicit page size in this request wins over the
    // token's.
    return new PageCursor(
        tokens, endpoint, p.query(), p.offset(), request.pageSize().orElse(p.pageSize()));
  }

  /**
   * The row limit of an endpoint documented without pagination (Message Finder search): the
   * requested page size, clamped to 500, else 500.
   */
  public int unpagedLimit(PageRequest request) {
    return request.pageSize().orElse(MAX_PAGE_SIZE);
  }
}
