package dev.mci.simulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mci.simulator.core.Json;
import dev.mci.simulator.core.PageTokens;
import java.util.Optional;

/**
 * The opaque cursors of the event endpoints ({@code @nextPage}, {@code mc-siem-token}): a position
 * in the log plus the listing's filters, signed with the core token codec so a tampered or foreign
 * cursor is refused. Positions are {@code (window, type, index)} triples packed into one number.
 */
final class Cursors {

  /** A decoded cursor. */
  record Cursor(long window, int type, long index, ObjectNode filters, int pageSize) {}

  private static final long INDEX_BITS = 24;
  private static final long TYPE_BITS = 4;

  private final PageTokens tokens;

  Cursors(long seed) {
    this.tokens = new PageTokens(seed);
  }

  String encode(String endpoint, Cursor cursor) {
    if (cursor.index() >= (1L << INDEX_BITS) || cursor.type() >= (1 << TYPE_BITS)) {
      throw new IllegalArgumentException("cursor out of range: " + cursor);
    }
    long packed =
        (cursor.window() << (INDEX_BITS + TYPE_BITS))
            | ((long) cursor.type() << INDEX_BITS)
            | cursor.index();
    return tokens.encode(
        new PageTokens.Position(
            endpoint, cursor.filters(), packed, Math.max(1, cursor.pageSize())));
  }

  Optional<Cursor> decode(String endpoint, String token) {
    return tokens
        .decode(token, endpoint)
        .filter(p -> p.query().isObject())
        .map(
            p -> {
              long packed = p.offset();
              long window = packed >>> (INDEX_BITS + TYPE_BITS);
              int type = (int) ((packed >>> INDEX_BITS) & ((1L << TYPE_BITS) - 1));
              long index = packed & ((1L << INDEX_BITS) - 1);
              return new Cursor(window, type, index, (ObjectNode) p.query(), p.pageSize());
            });
  }

  static ObjectNode filters() {
    return Json.object();
  }

  static String text(JsonNode filters, String field) {
    JsonNode value = filters.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
