package dev.mci.client.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Parsers for the SIEM files: API 2.0 batch files (gzip NDJSON, reference 05 §3.3) and API 1.0 log
 * files (a {@code {"type":"MTA","data":[...]}} JSON document or {@code key=value|...} lines,
 * possibly inside a zip archive, 05 §2.3). Both read lazily through an {@link EventFileReader}.
 */
public final class EventFiles {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory JSON = MAPPER.getFactory();

  /** API 1.0 log type names, longest first so {@code internal email protect} wins over shorter. */
  private static final List<EventType> BY_LEGACY_NAME =
      Stream.of(EventType.values())
          .filter(EventType::verified)
          .sorted(Comparator.comparingInt((EventType t) -> t.legacyName().length()).reversed())
          .toList();

  private EventFiles() {}

  /**
   * Reads a batch file: gzip-compressed NDJSON, one event object per line.
   *
   * @param gzip the file's bytes
   * @param what names the file in error messages (never put a pre-signed URL's signature here)
   */
  public static EventFileReader readBatch(InputStream gzip, String what) {
    BufferedReader[] lines = new BufferedReader[1];
    return new EventFileReader(
        gzip,
        () -> {
          if (lines[0] == null) {
            lines[0] =
                new BufferedReader(
                    new InputStreamReader(
                        new GZIPInputStream(gzip, 64 * 1024), StandardCharsets.UTF_8),
                    64 * 1024);
          }
          String line;
          do {
            line = lines[0].readLine();
            if (line == null) {
              return null;
            }
          } while (line.isBlank());
          JsonNode node = MAPPER.readTree(line);
          if (node == null || !node.isObject()) {
            throw new IOException("a line is not a JSON object");
          }
          return SiemEvent.fromJson((ObjectNode) node, line);
        },
        what);
  }

  /**
   * Reads an API 1.0 log file.
   *
   * @param file the file's bytes
   * @param zipped whether the bytes are a zip archive holding the file
   * @param fileName the name from {@code Content-Disposition}, which implies the log type
   * @param what names the file in error messages
   */
  public static EventFileReader readLegacy(
      InputStream file, boolean zipped, Optional<String> fileName, String what) {
    LegacySource source = new LegacySource(file, zipped, fileName);
    return new EventFileReader(file, source::next, what);
  }

  /** The log type an API 1.0 file name implies (it starts with the type), if any. */
  static Optional<EventType> typeOfFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    for (EventType type : BY_LEGACY_NAME) {
      if (name.startsWith(type.legacyName())) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /**
   * The log type of an API 1.0 line from the keys it has, as elastic's pipeline infers it (the type
   * is not a field of the line, reference 05 §2.4).
   */
  static String inferLegacyType(JsonNode line) {
    if (line.has("Attempt") || line.has("Delivered")) {
      return EventType.DELIVERY.wire();
    }
    if (line.has("CustomerIP") || line.has("Virus") && line.has("sha256")) {
      return EventType.AV.wire();
    }
    if (line.has("RcptActType") || line.has("RcptHdrType")) {
      return EventType.JOURNAL.wire();
    }
    if (line.has("ScanResultInfo")) {
      return EventType.INTERNAL_EMAIL_PROTECT.wire();
    }
    if (line.has("Definition") || line.has("Hits")) {
      return EventType.IMPERSONATION_PROTECT.wire();
    }
    if (line.has("url") || line.has("reason")) {
      return EventType.URL_PROTECT.wire();
    }
    if (line.has("sha256") || line.has("fileName")) {
      return EventType.ATTACHMENT_PROTECT.wire();
    }
    if (line.has("SourceIP")) {
      return EventType.SPAM.wire();
    }
    if (line.has("AttCnt") || line.has("Hld") || line.has("MsgSize")) {
      return EventType.PROCESS.wire();
    }
    if (line.has("Act") || line.has("Rcpt")) {
      return EventType.RECEIPT.wire();
    }
    return "";
  }

  /** Walks a 1.0 file: finds the format on first use, then hands out one line at a time. */
  private static final class LegacySource {
    private final InputStream raw;
    private final boolean zipped;
    private Optional<String> fileName;
    private String type;
    private JsonParser json;
    private BufferedReader lines;
    private boolean started;

    LegacySource(InputStream raw, boolean zipped, Optional<String> fileName) {
      this.raw = raw;
      this.zipped = zipped;
      this.fileName = fileName;
    }

    SiemEvent next() throws IOException {
      if (!started) {
        start();
      }
      return json != null ? nextJson() : nextLine();
    }

    private void start() throws IOException {
      started = true;
      InputStream in = raw;
      if (zipped) {
        ZipInputStream zip = new ZipInputStream(raw);
        ZipEntry entry = zip.getNextEntry();
        if (entry == null) {
          throw new IOException("the zip archive holds no file");
        }
        if (fileName.isEmpty() || fileName.get().toLowerCase(Locale.ROOT).endsWith(".zip")) {
          fileName = Optional.of(entry.getName());
        }
        in = zip;
      }
      type = fileName.flatMap(EventFiles::typeOfFileName).map(EventType::wire).orElse(null);
      BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
      buffered.mark(1);
      int first = buffered.read();
      while (first == ' ' || first == '\n' || first == '\r' || first == '\t') {
        buffered.mark(1);
        first = buffered.read();
      }
      buffered.reset();
      if (first == '{') {
        json = JSON.createParser(buffered);
        if (json.nextToken() != JsonToken.START_OBJECT) {
          throw new IOException("the file is not a JSON object");
        }
        // Move to the start of "data"; other fields ("type": "MTA") are skipped.
        while (true) {
          JsonToken token = json.nextToken();
          if (token == null || token == JsonToken.END_OBJECT) {
            throw new IOException("the file has no data array");
          }
          String field = json.currentName();
          JsonToken value = json.nextToken();
          if ("data".equals(field) && value == JsonToken.START_ARRAY) {
            return;
          }
          json.skipChildren();
        }
      }
      lines = new BufferedReader(new InputStreamReader(buffered, StandardCharsets.UTF_8));
    }

    private SiemEvent nextJson() throws IOException {
      JsonToken token = json.nextToken();
      if (token == JsonToken.END_ARRAY) {
        // Read to the end so a file cut off after the array is still noticed.
        while ((token = json.nextToken()) != null) {
          if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            json.skipChildren();
          }
        }
        return null;
      }
      if (token != JsonToken.START_OBJECT) {
        throw new IOException("expected an event object in data, found " + token);
      }
      ObjectNode node = MAPPER.readTree(json);
      return SiemEvent.fromLegacy(node, type != null ? type : inferLegacyType(node));
    }

    private SiemEvent nextLine() throws IOException {
      String line;
      do {
        line = lines.readLine();
        if (line == null) {
          return null;
        }
      } while (line.isBlank());
      ObjectNode node = MAPPER.createObjectNode();
      for (String pair : line.split("\\|")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new IOException("a key_value line holds '" + abbreviate(pair) + "', not key=value");
        }
        node.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      return SiemEvent.fromLegacy(node, type != null ? type : inferLegacyType(node));
    }

    private static String abbreviate(String text) {
      return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
  }
}
