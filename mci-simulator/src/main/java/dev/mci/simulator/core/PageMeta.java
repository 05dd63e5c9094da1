package dev.mci.simulator.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The response {@code meta.pagination} object (reference 00 §5.2, §7).
 *
 * @param pageSize number of records in this response (not the requested size)
 * @param totalCount total matching records, when the endpoint reports it
 * @param next token for the next page; only while more records remain
 * @param previous token for the previous page; only after the first page
 */
public record PageMeta(
    int pageSize, OptionalLong totalCount, Optional<String> next, Optional<String> previous) {

  /** Checks that nothing is null and the size is not negative. */
  public PageMeta {
    Objects.requireNonNull(totalCount, "totalCount");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(previous, "previous");
    if (pageSize < 0) {
      throw new IllegalArgumentException("pageSize must not be negative, was " + pageSize);
    }
  }

  /** The wire form. */
  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("pageSize", pageSize);
    totalCount.ifPresent(t -> node.put("totalCount", t));
    next.ifPresent(n -> node.put("next", n));
    previous.ifPresent(p -> node.put("previous", p));
    return node;
  }
}
