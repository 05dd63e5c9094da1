package dev.mci.client.events;

import dev.mci.client.InvalidResponseException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads the events of one file lazily, one at a time, so a file of any size is parsed in flat
 * memory. A damaged file (bad gzip or zip, truncated, not JSON) throws {@link
 * InvalidResponseException} from {@link #hasNext()} or {@link #next()} at the point the damage is
 * found; events read before it are valid, so a caller that must be all-or-nothing reads inside a
 * transaction. Not thread-safe. Closing closes the underlying stream.
 */
public final class EventFileReader implements Iterator<SiemEvent>, Closeable {

  /** Produces the next event, or null at the end. */
  @FunctionalInterface
  interface Source {
    SiemEvent next() throws IOException;
  }

  private final InputStream stream;
  private final Source source;
  private final String what;
  private SiemEvent buffered;
  private boolean done;
  private long count;

  EventFileReader(InputStream stream, Source source, String what) {
    this.stream = stream;
    this.source = source;
    this.what = what;
  }

  @Override
  public boolean hasNext() {
    if (buffered != null) {
      return true;
    }
    if (done) {
      return false;
    }
    try {
      buffered = source.next();
    } catch (IOException | RuntimeException e) {
      done = true;
      throw new InvalidResponseException(
          what,
          null,
          "the file is damaged after "
              + count
              + " events ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")",
          e);
    }
    if (buffered == null) {
      done = true;
      return false;
    }
    return true;
  }

  @Override
  public SiemEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SiemEvent event = buffered;
    buffered = null;
    count++;
    return event;
  }

  /** Events returned so far. */
  public long count() {
    return count;
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
