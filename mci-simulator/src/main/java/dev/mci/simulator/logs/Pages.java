package dev.mci.simulator.logs;

import dev.mci.simulator.core.PageCursor;
import java.util.function.LongConsumer;

/** Walks the page a cursor asks for over events kept in ascending time order. */
final class Pages {

  private Pages() {}

  /**
   * Passes the keys of the requested page to {@code each}, newest first unless {@code oldestFirst};
   * returns how many there were.
   */
  static int walk(
      EventIndex.Events events, PageCursor cursor, boolean oldestFirst, LongConsumer each) {
    long total = events.size();
    int count = (int) Math.max(0, Math.min(cursor.pageSize(), total - cursor.offset()));
    for (int n = 0; n < count; n++) {
      long position = cursor.offset() + n;
      each.accept(events.key((int) (oldestFirst ? position : total - 1 - position)));
    }
    return count;
  }
}
