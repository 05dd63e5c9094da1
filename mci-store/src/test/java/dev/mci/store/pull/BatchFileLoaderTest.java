package dev.mci.store.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.client.InvalidResponseException;
import dev.mci.store.EventStore;
import dev.mci.store.SqlResult;
import dev.mci.store.StoreLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader splits a batch file into lines itself: every line ending and size is read right. */
class BatchFileLoaderTest {

  @TempDir Path folder;

  private static String event(int n, String subject) {
    return "{\"type\":\"receipt\",\"timestamp\":"
        + (1_741_079_561_000L + n)
        + ",\"senderEnvelope\":\"a@vendor.example\",\"subject\":\""
        + subject
        + "\"}";
  }

  @Test
  void everyLineIsStoredWhateverItsEndingAndLength() throws Exception {
    String huge = "x".repeat(300_000); // Longer than the loader's first buffer.
    List<String> events =
        List.of(
            event(1, "lf"),
            event(2, "crlf"),
            event(3, huge),
            event(4, "caf\u00e9 \ud83d\ude00"),
            event(5, "ended by a lone carriage return"),
            event(6, "last, without a line break"));
    String content =
        events.get(0)
            + "\n"
            + events.get(1)
            + "\r\n"
            + "\n"
            + "   \t\r\n"
            + events.get(2)
            + "\n"
            + events.get(3)
            + "\n\n"
            + events.get(4)
            + "\r"
            + events.get(5);
    Path file = gzip("mixed.json.gz", content.getBytes(StandardCharsets.UTF_8));

    assertThat(load(file)).isEqualTo(events);
  }

  @Test
  void aFileCutShortFailsAfterTheLinesBeforeTheDamage() throws Exception {
    StringBuilder content = new StringBuilder();
    for (int n = 0; n < 2_000; n++) {
      content.append(event(n, "line " + n)).append('\n');
    }
    byte[] whole = gzipBytes(content.toString().getBytes(StandardCharsets.UTF_8));
    Path file = folder.resolve("cut.json.gz");
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("the file is damaged after");
  }

  @Test
  void aLineLongerThanAnyEventIsDamageNotAnEvent() throws Exception {
    byte[] endless = new byte[BatchFileLoader.MAX_LINE_BYTES + 1];
    Arrays.fill(endless, (byte) 'x');
    Path file = gzip("endless.json.gz", endless);

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("a line is longer than 32 MiB");
  }

  @Test
  void theNextFileIsReadAheadAndAnyOtherFileDropsWhatWasReadAhead() throws Exception {
    // Files larger than the chunks in flight, so a file read ahead and never loaded would block
    // the helper thread if it were not dropped.
    Path first = gzip("first.json.gz", lines(0, 5_000));
    Path second = gzip("second.json.gz", lines(5_000, 5_000));
    Path third = gzip("third.json.gz", lines(10_000, 5_000));
    Path damaged = folder.resolve("damaged.json.gz");
    Files.write(damaged, "not gzip".getBytes(StandardCharsets.US_ASCII));

    StoreLocation location = StoreLocation.sqlite(folder.resolve("ahead.db"));
    try (EventStore store = EventStore.open(location);
        BatchFileLoader loader = new BatchFileLoader();
        EventStore.Ingest ingest = store.ingest()) {
      assertThat(loader.load(ingest, first, "first", row -> true, second)).isEqualTo(5_000);
      assertThat(loader.load(ingest, second, "second", row -> true, damaged)).isEqualTo(5_000);
      // Not the file read ahead (the damaged one): that reading is dropped, this file is read.
      assertThat(loader.load(ingest, third, "third", row -> true, second)).isEqualTo(5_000);
      // The damage of a file read ahead surfaces when it is loaded.
      loader.load(ingest, second, "second again", row -> true, damaged);
      assertThatThrownBy(() -> loader.load(ingest, damaged, "damaged", row -> true))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("damaged");
      ingest.commit("test", "done");
      assertThat(store.count()).isEqualTo(15_000);
    }
  }

  private static byte[] lines(int from, int count) {
    StringBuilder content = new StringBuilder();
    for (int n = from; n < from + count; n++) {
      content.append(event(n, "line " + n)).append('\n');
    }
    return content.toString().getBytes(StandardCharsets.UTF_8);
  }

  private List<String> load(Path file) throws Exception {
    StoreLocation location = StoreLocation.sqlite(folder.resolve("events.db"));
    try (EventStore store = EventStore.open(location);
        BatchFileLoader loader = new BatchFileLoader();
        EventStore.Ingest ingest = store.ingest()) {
      loader.load(ingest, file, file.getFileName().toString(), row -> true);
      ingest.commit("test", "done");
      List<String> raw = new ArrayList<>();
      try (SqlResult rows = store.sql("SELECT raw FROM mci_events ORDER BY event_time", 0)) {
        for (List<Object> row : rows) {
          raw.add((String) row.get(0));
        }
      }
      return raw;
    }
  }

  private Path gzip(String name, byte[] content) throws IOException {
    Path file = folder.resolve(name);
    Files.write(file, gzipBytes(content));
    return file;
  }

  private static byte[] gzipBytes(byte[] content) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }
}
