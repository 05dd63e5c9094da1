package dev.mci.store.pull;

import dev.mci.client.InvalidResponseException;
import dev.mci.store.EventStore;
import dev.mci.store.StoredEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * chunks, so memory stays flat whatever the file's size. All database work stays on the calling
 * thread. Close it to stop the helper thread.
 */
public final class BatchFileLoader implements AutoCloseable {

  private static final int CHUNK_ROWS = 100;
  private static final int CHUNKS_IN_FLIGHT = 40;
  private static final Object END_OF_FILE = new Object();

  private ExecutorService parser;

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
    BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
    Future<?> parsing = parser().submit(() -> parse(file, chunks));
    long lines = 0;
    try {
      while (true) {
        Object item = chunks.take();
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
      parsing.cancel(true);
    }
  }

  @Override
  public synchronized void close() {
    if (parser != null) {
      parser.shutdownNow();
      parser = null;
    }
  }

  /** The helper thread's half: lines into chunks of rows, then the end (or the failure). */
  private static void parse(Path file, BlockingQueue<Object> chunks) {
    FlatEvent flat = new FlatEvent();
    try {
      try (InputStream in = Files.newInputStream(file);
          BufferedReader reader =
              new BufferedReader(
                  new InputStreamReader(new GZIPInputStream(in, 64 * 1024), StandardCharsets.UTF_8),
                  64 * 1024)) {
        List<StoredEvent> chunk = new ArrayList<>(CHUNK_ROWS);
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          chunk.add(EventRows.fromLine(line, EventPuller.BATCH, flat));
          if (chunk.size() == CHUNK_ROWS) {
            chunks.put(chunk);
            chunk = new ArrayList<>(CHUNK_ROWS);
          }
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
