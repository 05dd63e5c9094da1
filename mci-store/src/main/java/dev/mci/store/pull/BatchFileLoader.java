package dev.mci.store.pull;

import dev.mci.client.InvalidResponseException;
import dev.mci.store.EventStore;
import dev.mci.store.StoredEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Stores an API 2.0 batch file (gzip NDJSON, on disk) into an open {@link EventStore.Ingest}: a
 * helper thread decompresses and parses (the flat-line fast path of {@link EventRows}) while the
 * calling thread inserts, so the two halves of the work use two cores; rows cross in bounded
 * chunks, so memory stays flat whatever the file's size. Told which file comes next, the helper
 * goes on to read it as soon as it has read the current one, so the inserting thread finds rows
 * waiting when it starts on it. All database work stays on the calling thread. Close it to stop the
 * helper thread.
 */
public final class BatchFileLoader implements AutoCloseable {

  private static final int CHUNK_ROWS = 100;
  private static final int FIRST_CHUNK_ROWS = 10;

  /** A line longer than this is damage, not an event (events are a few hundred bytes). */
  static final int MAX_LINE_BYTES = 32 * 1024 * 1024;

  private static final int CHUNKS_IN_FLIGHT = 40;
  private static final Object END_OF_FILE = new Object();

  private ExecutorService parser;

  /** The next file, being read ahead (null: none). */
  private Reading ahead;

  /** One file being read by the helper thread into its own bounded queue of chunks. */
  private record Reading(Path file, BlockingQueue<Object> chunks, Future<?> task) {}

  /**
   * Stores the rows of {@code file} that {@code keep} accepts.
   *
   * @param what names the file in the error (never a pre-signed URL's signature)
   * @return the number of lines read
   * @throws InvalidResponseException when the file is damaged (bad gzip, a line that is not JSON);
   *     rows added before the damage are still in the transaction: roll back to a mark
   * @throws InterruptedException when the calling thread is interrupted
   */
  public long load(EventStore.Ingest ingest, Path file, String what, Predicate<StoredEvent> keep)
      throws InterruptedException {
    return load(ingest, file, what, keep, null);
  }

  /**
   * Stores the rows of {@code file} that {@code keep} accepts, and has the helper thread read
   * {@code next} once it has read {@code file}: the next call, for {@code next}, starts on rows
   * already read. A call for any other file drops what was read ahead.
   *
   * @param next the file to load next, already on disk; null when there is none
   * @see #load(EventStore.Ingest, Path, String, Predicate)
   */
  public long load(
      EventStore.Ingest ingest, Path file, String what, Predicate<StoredEvent> keep, Path next)
      throws InterruptedException {
    Reading current;
    if (ahead != null && ahead.file().equals(file)) {
      current = ahead;
    } else {
      if (ahead != null) {
        ahead.task().cancel(true);
      }
      current = read(file);
    }
    ahead = next == null ? null : read(next);
    long lines = 0;
    try {
      while (true) {
        Object item = current.chunks().take();
        if (item == END_OF_FILE) {
          return lines;
        }
        if (item instanceof Throwable damage) {
          throw new InvalidResponseException(
              what,
              null,
              "the file is damaged after "
                  + lines
                  + " events ("
                  + damage.getClass().getSimpleName()
                  + (damage.getMessage() == null ? "" : ": " + damage.getMessage())
                  + ")",
              damage);
        }
        @SuppressWarnings("unchecked")
        List<StoredEvent> rows = (List<StoredEvent>) item;
        for (StoredEvent row : rows) {
          lines++;
          if (keep.test(row)) {
            ingest.add(row);
          }
        }
      }
    } finally {
      current.task().cancel(true);
    }
  }

  /** Queues the reading of {@code file} on the helper thread, after what it already has. */
  private Reading read(Path file) {
    BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
    return new Reading(file, chunks, parser().submit(() -> parse(file, chunks)));
  }

  @Override
  public synchronized void close() {
    ahead = null;
    if (parser != null) {
      parser.shutdownNow();
      parser = null;
    }
  }

  /** The helper thread's half: lines into chunks of rows, then the end (or the failure). */
  private static void parse(Path file, BlockingQueue<Object> chunks) {
    EventRows.LineParser lines = new EventRows.LineParser();
    try {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
        // The first chunk is small so the inserting thread starts at once; later ones are larger.
        int chunkRows = FIRST_CHUNK_ROWS;
        List<StoredEvent> chunk = new ArrayList<>(chunkRows);
        byte[] buffer = new byte[128 * 1024];
        int start = 0;
        int end = 0;
        int scanned = 0;
        boolean eof = false;
        while (true) {
          // A line ends at \n, \r\n or a lone \r, as BufferedReader.readLine has it (the \n of a
          // \r\n leaves an empty line behind, skipped as blank).
          int newline = lineBreak(buffer, scanned, end);
          int lineEnd;
          if (newline >= 0) {
            lineEnd = newline;
          } else if (eof) {
            if (start == end) {
              break;
            }
            lineEnd = end;
          } else {
            // Move the partial line to the front, grow for a long one, and read on.
            if (start > 0) {
              System.arraycopy(buffer, start, buffer, 0, end - start);
              end -= start;
              start = 0;
            }
            if (end == buffer.length) {
              if (buffer.length >= MAX_LINE_BYTES) {
                throw new IOException("a line is longer than " + (MAX_LINE_BYTES >> 20) + " MiB");
              }
              buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            scanned = end;
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
              eof = true;
            } else {
              end += read;
            }
            continue;
          }
          if (!isBlank(buffer, start, lineEnd)) {
            chunk.add(lines.row(buffer, start, lineEnd, EventPuller.BATCH));
            if (chunk.size() == chunkRows) {
              chunks.put(chunk);
              chunkRows = CHUNK_ROWS;
              chunk = new ArrayList<>(chunkRows);
            }
          }
          start = Math.min(lineEnd + 1, end);
          scanned = start;
        }
        if (!chunk.isEmpty()) {
          chunks.put(chunk);
        }
      } catch (IOException | RuntimeException e) {
        chunks.put(e);
        return;
      }
      chunks.put(END_OF_FILE);
    } catch (InterruptedException cancelled) {
      // The inserting side gave up on this file.
    }
  }

  private static int lineBreak(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = bytes[i];
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = bytes[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != 0x0B) {
        return false;
      }
    }
    return true;
  }

  private synchronized ExecutorService parser() {
    if (parser == null) {
      parser =
          Executors.newSingleThreadExecutor(
              task -> {
                Thread thread = new Thread(task, "mci-pull-parser");
                thread.setDaemon(true);
                return thread;
              });
    }
    return parser;
  }
}
